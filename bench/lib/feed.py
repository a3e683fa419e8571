#!/usr/bin/env python3
"""Prints image-contains put requests as `taskName<TAB>json` lines for `kcat -P -K '\\t'`.

Task i is PREFIX-i with its own image URL, so its ground truth is the simulator's hash of a fresh
(url, label) pair. With --rate, line i is written at start + i/rate (open loop: a slow reader
does not slow the schedule down), flushed at once.
"""
import argparse
import json
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--rate", type=float, default=0.0, help="tasks per second; 0 = at once")
    parser.add_argument("--label", default="cat")
    args = parser.parse_args()
    start = time.monotonic()
    for i in range(1, args.count + 1):
        if args.rate > 0:
            delay = start + (i - 1) / args.rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        name = f"{args.prefix}-{i}"
        request = {
            "function": "image-contains",
            "taskName": name,
            "input": {
                "image": {"url": f"https://img.example.org/{args.prefix}/{i}.jpg"},
                "target": {"label": args.label},
            },
        }
        sys.stdout.write(name + "\t" + json.dumps(request, separators=(",", ":")) + "\n")
        if args.rate > 0:
            sys.stdout.flush()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
