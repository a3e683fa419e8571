#!/usr/bin/env python3
"""Scores a bench run from its files: the results topic (results.tsv: `timestamp<TAB>view`) and
the simulator's records (sim-hits.json, sim-workers.json, sim-stats.json).

  score.py quality DIR --prefix P --tasks N --case NAME   -> prints one case, writes DIR/quality.json
  score.py table FILE...                                   -> the summary table of several cases
  score.py calls DIR --prefix P --tasks N                  -> calls per task and latency

Only the standard library. Every figure is computed from what the service published and what the
simulator recorded; nothing is assumed.
"""
import argparse
import json
import random
from datetime import datetime
from pathlib import Path


def load_views(path, prefix):
    """First terminal view per task (and how many tasks had more than one), with its timestamp."""
    terminal, extra = {}, 0
    for line in Path(path).read_text().splitlines():
        ts, _, body = line.partition("\t")
        try:
            view = json.loads(body)
        except ValueError:
            continue
        name = view.get("taskName", "")
        if not name.startswith(prefix + "-") or view.get("state") not in ("completed", "failed"):
            continue
        if name in terminal:
            extra += 1
            continue
        terminal[name] = (int(ts), view)
    return terminal, extra


def load_hits(path, prefix):
    """HITs of our tasks by task name (a list: there should be exactly one each)."""
    by_task = {}
    for hit in json.loads(Path(path).read_text()):
        function, _, name = hit["taskKey"].partition("/")
        if function == "image-contains" and name.startswith(prefix + "-"):
            by_task.setdefault(name, []).append(hit)
    return by_task


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def answers_in_order(hit):
    """Submitted yes/no answers in the order their workers took the assignments."""
    out = []
    for a in hit["assignments"]:
        if a.get("submitted") and a.get("value") in ("yes", "no"):
            out.append((a["workerId"], a["value"] == "yes"))
    return out


class SideCrowd:
    """Workers of the simulator's own roster answering extra times for the fixed-k baselines:
    drawn uniformly among those new to the HIT, answering by their behaviour and accuracy, exactly
    as the simulator's SimulatedCrowd does. Seeded."""

    def __init__(self, workers, seed):
        self.workers = workers
        self.random = random.Random(seed)

    def answer(self, worker, truth):
        b = worker["behaviour"]
        if b == "always-yes":
            return True
        if b == "always-no":
            return False
        if b == "random":
            return self.random.random() < 0.5
        return truth if self.random.random() < worker["accuracy"] else not truth

    def top_up(self, answers, truth, k):
        used = {w for w, _ in answers}
        out = [v for _, v in answers[:k]]
        while len(out) < k:
            fresh = [w for w in self.workers if w["workerId"] not in used]
            worker = self.random.choice(fresh)
            used.add(worker["workerId"])
            out.append(self.answer(worker, truth))
        return out


def quality(args):
    d = Path(args.dir)
    views, extra = load_views(d / "results.tsv", args.prefix)
    hits = load_hits(d / "sim-hits.json", args.prefix)
    crowd = SideCrowd(json.loads((d / "sim-workers.json").read_text()), args.seed)
    decided = correct = answers = submitted = real_used = 0
    failures = {}
    majority = {3: 0, 5: 0}
    fresh = SideCrowd(json.loads((d / "sim-workers.json").read_text()), args.seed + 1)
    majority_crowd = {3: 0, 5: 0}
    for i in range(1, args.tasks + 1):
        name = f"{args.prefix}-{i}"
        task_hits = hits.get(name, [])
        if not task_hits:
            continue
        truth = task_hits[0]["truth"]
        real = [x for h in task_hits for x in answers_in_order(h)]
        submitted += sum(1 for h in task_hits for a in h["assignments"] if a.get("submitted"))
        for k in majority:
            votes = crowd.top_up(real, truth, k)
            real_used += min(k, len(real))
            majority[k] += (sum(votes) * 2 > k) == truth
            # the whole roster, excluded workers too: fixed majority voting, which excludes nobody
            majority_crowd[k] += (sum(fresh.top_up([], truth, k)) * 2 > k) == truth
        if name not in views:
            continue
        view = views[name][1]
        answers += (view.get("details") or {}).get("answers") or 0
        if view["state"] == "completed":
            decided += 1
            correct += view["result"]["containsTarget"] == truth
        else:
            code = (view.get("problemDetails") or {}).get("code", "?")
            failures[code] = failures.get(code, 0) + 1
    n = args.tasks
    row = {
        "case": args.case,
        "tasks": n,
        "finished": len([x for x in views if x.startswith(args.prefix + "-")]),
        "decided": decided,
        "accuracy": correct / decided if decided else 0.0,
        "decidedShare": decided / n,
        "answersPerTask": answers / n,
        "submittedPerTask": submitted / n,
        "majority3": majority[3] / n,
        "majority5": majority[5] / n,
        "majority3Crowd": majority_crowd[3] / n,
        "majority5Crowd": majority_crowd[5] / n,
        "baselineRealShare": real_used / (8 * n),
        "failures": failures,
        "tasksWithoutHit": n - len(hits),
        "tasksWithSeveralHits": sum(1 for h in hits.values() if len(h) > 1),
        "extraTerminalViews": extra,
        "workersExcluded": excluded_workers(d / "service-metrics.txt"),
        "seconds": args.seconds,
    }
    (d / "quality.json").write_text(json.dumps(row))
    print(json.dumps(row))


def excluded_workers(metrics):
    """Workers the service kept off its HITs (its metric), or None without a metrics snapshot."""
    if not metrics.exists():
        return None
    total = 0.0
    for line in metrics.read_text().splitlines():
        if line.startswith("image_contains_worker_exclusions_total") and 'outcome="excluded"' in line:
            total += float(line.rsplit(" ", 1)[1])
    return int(total)


def table(args):
    rows = [json.loads(Path(f).read_text()) for f in args.files]
    head = (
        f"{'case':<24}{'tasks':>7}{'accuracy':>10}{'decided':>9}{'answers':>9}"
        f"{'paid':>7}{'maj-3':>8}{'maj-5':>8}{'crowd-3':>9}{'crowd-5':>9}  {'targets':<9}{'time':>7}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        ok = r["accuracy"] >= 0.99 and r["decidedShare"] >= 0.95 and r["answersPerTask"] <= 4.5
        print(
            f"{r['case']:<24}{r['tasks']:>7}{r['accuracy']:>10.2%}{r['decidedShare']:>9.1%}"
            f"{r['answersPerTask']:>9.2f}{r['submittedPerTask']:>7.2f}{r['majority3']:>8.1%}"
            f"{r['majority5']:>8.1%}{r.get('majority3Crowd', float('nan')):>9.1%}"
            f"{r.get('majority5Crowd', float('nan')):>9.1%}  {'met' if ok else 'MISSED':<9}{r['seconds']:>6}s"
        )
    print()
    print("accuracy: on decided tasks, against the simulator's truth; decided: completed / sent;")
    print("answers: the service's answers received per task (details.answers, failed tasks too);")
    print("paid: assignments submitted per task (incl. any that arrived after the decision);")
    print("maj-k: fixed majority of k answers per task, every task scored: the service's own answers")
    print("       first (after exclusions, from a cleaner crowd), topped up from the roster;")
    print("crowd-k: the same from the whole roster, excluded workers too: majority voting as such.")
    print("targets: accuracy >= 99%, decided >= 95%, answers <= 4.5.")
    for r in rows:
        notes = []
        if r["failures"]:
            notes.append("failed " + ", ".join(f"{c} {n}" for c, n in sorted(r["failures"].items())))
        if r["finished"] < r["tasks"]:
            notes.append(f"UNFINISHED {r['tasks'] - r['finished']}")
        if r["tasksWithSeveralHits"] or r["extraTerminalViews"] or r["tasksWithoutHit"]:
            notes.append(
                f"tasks with >1 HIT {r['tasksWithSeveralHits']}, without a HIT "
                f"{r['tasksWithoutHit']}, extra terminal views {r['extraTerminalViews']}"
            )
        notes.append(f"baseline answers from the service's own run: {r['baselineRealShare']:.0%}")
        if r.get("workersExcluded") is not None:
            notes.append(f"workers excluded {r['workersExcluded']}")
        print(f"  {r['case']}: " + "; ".join(notes))


def nearest_rank(sorted_values, p):
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def calls(args):
    d = Path(args.dir)
    views, extra = load_views(d / "results.tsv", args.prefix)
    hits = load_hits(d / "sim-hits.json", args.prefix)
    stats = json.loads((d / "sim-stats.json").read_text())
    by_op = stats["callsByOperation"]
    decided = sum(1 for _, v in views.values() if v["state"] == "completed")
    failures = {}
    latencies, unexplained = [], 0
    for name, (ts, view) in views.items():
        if view["state"] != "completed":
            code = (view.get("problemDetails") or {}).get("code", "?")
            failures[code] = failures.get(code, 0) + 1
            continue
        used = (view.get("details") or {}).get("answers") or 0
        submits = sorted(
            instant(a["submitted"])
            for h in hits.get(name, [])
            for a in h["assignments"]
            if a.get("submitted")
        )
        if used < 1 or len(submits) < used:
            unexplained += 1
            continue
        deciding = submits[used - 1]  # the last of the answers the decision used
        latencies.append(ts / 1000.0 - deciding.timestamp())
    latencies.sort()
    early_expired_all_in = early_expired = 0
    for task_hits in hits.values():
        for h in task_hits:
            created, expiration = instant(h["created"]), instant(h["expiration"])
            if (expiration - created).total_seconds() >= args.lifetime - 1:
                continue
            early_expired += 1
            submits = [instant(a["submitted"]) for a in h["assignments"] if a.get("submitted")]
            if len(submits) >= h["maxAssignments"] and max(submits) <= expiration:
                early_expired_all_in += 1
    per = decided or 1
    polling = by_op.get("ListAssignmentsForHIT", 0) + by_op.get("ListReviewableHITs", 0)
    print(f"CALLS     {args.tasks} tasks sent, {decided} decided, {sum(failures.values())} failed"
          + (f" ({', '.join(f'{c} {n}' for c, n in sorted(failures.items()))})" if failures else "")
          + f", {args.tasks - len(views)} unfinished, extra terminal views {extra}")
    print(f"          {'operation':<36}{'calls':>8}{'per decided task':>18}")
    for op in sorted(by_op, key=lambda o: -by_op[o]):
        print(f"          {op:<36}{by_op[op]:>8}{by_op[op] / per:>18.3f}")
    total = sum(by_op.values())
    print(f"          {'all operations':<36}{total:>8}{total / per:>18.3f}")
    print(f"          {'POLLING (ListAssignmentsForHIT + ListReviewableHITs)':<54}"
          f"{polling / per:>8.3f} per decided task (target <= 1.5)")
    print(f"          outcomes: {json.dumps(stats.get('callsByOutcome', {}), sort_keys=True)}")
    print(f"          HITs expired early: {early_expired}, of which with every assignment already "
          f"in: {early_expired_all_in} (should be 0)")
    print(f"          tasks with >1 HIT: {sum(1 for h in hits.values() if len(h) > 1)}")
    p50, p99 = nearest_rank(latencies, 50), nearest_rank(latencies, 99)
    print(f"LATENCY   deciding answer submitted -> result on the topic (simulated = real time):")
    print(f"          p50 {p50:.1f} s, p90 {nearest_rank(latencies, 90):.1f} s, p99 {p99:.1f} s "
          f"(target <= 60 s), max {latencies[-1] if latencies else float('nan'):.1f} s "
          f"over {len(latencies)} decided tasks" + (f"; {unexplained} without a matching submit"
                                                    if unexplained else ""))
    summary = {
        "tasks": args.tasks, "decided": decided, "failures": failures,
        "callsByOperation": by_op, "pollingPerDecided": polling / per,
        "p50": p50, "p99": p99, "earlyExpiredAllIn": early_expired_all_in,
    }
    (d / "calls.json").write_text(json.dumps(summary))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    q = sub.add_parser("quality")
    q.add_argument("dir")
    q.add_argument("--prefix", required=True)
    q.add_argument("--tasks", type=int, required=True)
    q.add_argument("--case", required=True)
    q.add_argument("--seed", type=int, default=7)
    q.add_argument("--seconds", type=int, default=0)
    t = sub.add_parser("table")
    t.add_argument("files", nargs="+")
    c = sub.add_parser("calls")
    c.add_argument("dir")
    c.add_argument("--prefix", required=True)
    c.add_argument("--tasks", type=int, required=True)
    c.add_argument("--lifetime", type=float, default=43200, help="HIT lifetime, seconds")
    args = parser.parse_args()
    {"quality": quality, "table": table, "calls": calls}[args.cmd](args)


if __name__ == "__main__":
    main()
