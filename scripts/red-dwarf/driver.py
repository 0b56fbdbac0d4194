"""Runs red-dwarf (the Python reimplementation of Polis's math) on Polis
export directories and prints, for each, one JSON line: the median time of
its analysis, the peak memory of this process, and each counted
participant's group.

Called by `accord-bench consult --red-dwarf PYTHON`; the votes are read from
`votes.csv` (the latest vote of each participant on each statement, as Polis
keeps it) and `comments.csv` (moderated-out statements) before the clock
starts, so the time is red-dwarf's analysis alone, as Accord's is.

usage: driver.py [--runs N] [--memory-gb G] DIR...
"""

import csv
import json
import resource
import statistics
import sys
import time

import numpy as np
from reddwarf.implementations.polis import run_pipeline


def read_votes(directory):
    """Columns participant_id, statement_id, vote, modified (latest vote kept)."""
    latest = {}
    with open(f"{directory}/votes.csv", newline="") as f:
        for row in csv.DictReader(f):
            key = (int(row["voter-id"]), int(row["comment-id"]))
            t = float(row["timestamp"])
            if key not in latest or latest[key][1] <= t:
                latest[key] = (int(row["vote"]), t)
    n = len(latest)
    pid = np.fromiter((k[0] for k in latest), dtype=np.int64, count=n)
    sid = np.fromiter((k[1] for k in latest), dtype=np.int64, count=n)
    vote = np.fromiter((v[0] for v in latest.values()), dtype=np.int64, count=n)
    modified = np.fromiter((v[1] for v in latest.values()), dtype=np.float64, count=n)
    # run_pipeline hands its votes to pandas.DataFrame.from_dict, which takes
    # columns as well as records: columns spare red-dwarf millions of dicts.
    return {"participant_id": pid, "statement_id": sid, "vote": vote, "modified": modified}


def moderated_out(directory):
    try:
        with open(f"{directory}/comments.csv", newline="") as f:
            return [int(r["comment-id"]) for r in csv.DictReader(f) if int(r.get("moderated") or 0) == -1]
    except FileNotFoundError:
        return []


def main(argv):
    runs = 1
    dirs = []
    args = iter(argv)
    for a in args:
        if a == "--runs":
            runs = int(next(args))
        elif a == "--memory-gb":
            limit = int(float(next(args)) * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        else:
            dirs.append(a)
    for directory in dirs:
        out = {"dir": directory}
        try:
            votes = read_votes(directory)
            mod_out = moderated_out(directory)
            times = []
            result = None
            for _ in range(runs):
                started = time.perf_counter()
                result = run_pipeline(votes=votes, mod_out_statement_ids=mod_out, random_state=0)
                times.append(time.perf_counter() - started)
            df = result.participants_df
            groups = df["cluster_id"].dropna()
            out["seconds"] = statistics.median(times)
            out["runs"] = runs
            out["groups"] = {str(int(p)): int(g) for p, g in groups.items()}
        except MemoryError:
            out["error"] = "MemoryError"
        out["peak_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
