"""Samples HTTP status codes for the fault scenarios until killed.

    python3 sample_http.py TARGETS_FILE OUT_FILE INTERVAL_SECONDS TASKS TIMEOUT_SECONDS

TARGETS_FILE holds one URL per line, re-read every round, so a scenario can drop an instance it
stops; "{i}" in a URL becomes a random task number in 1..TASKS each round. Every request appends
"epoch_seconds status url" to OUT_FILE, the time being when it was sent (status 0: no answer
within TIMEOUT_SECONDS, or connection refused).
"""

import random
import sys
import time
import urllib.error
import urllib.request


def status(url, timeout):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, OSError):
        return 0


def main(targets_file, out_file, interval, tasks, timeout="5"):
    with open(out_file, "a", buffering=1) as out:
        while True:
            with open(targets_file) as f:
                targets = [line.strip() for line in f if line.strip()]
            i = random.randint(1, int(tasks))
            for target in targets:
                url = target.replace("{i}", str(i))
                sent = time.time()
                code = status(url, float(timeout))
                out.write(f"{sent:.3f} {code} {url}\n")
            time.sleep(float(interval))


if __name__ == "__main__":
    main(*sys.argv[1:6])
