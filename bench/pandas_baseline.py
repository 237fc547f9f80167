"""The analyst's way without heard: pandas and `re` over the same survey file and patterns.

Run with Debian's Python (/usr/bin/python3 has python3-pandas):
    /usr/bin/python3 bench/pandas_baseline.py --csv survey.csv --patterns patterns.tsv --sample 10000

Reads the first --sample answers, lower-cases them, and for every theme and outcome expression
heard searches (exported by `heard_bench generate` into patterns.tsv, the RE2 syntax turned into
Python's) marks the answers it matches, as one would with `Series.str.contains`; district and
town names are matched with their case, as heard does. Prints one JSON line with the seconds.
"""
import argparse
import json
import re
import sys
import time

import pandas as pd

# RE2 classes Python's `re` spells differently.
_ZS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"


def to_python(regex):
    regex = regex.replace("\\p{Zs}", _ZS).replace("\\z", "\\Z")
    return regex


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--patterns", required=True)
    parser.add_argument("--sample", type=int, default=10000)
    args = parser.parse_args()

    folded, places, skipped = [], [], 0
    with open(args.patterns, encoding="utf-8") as f:
        for line in f:
            kind, entry, regex = line.rstrip("\n").split("\t", 2)
            if kind not in ("theme", "outcome", "place"):
                continue
            try:
                compiled = re.compile(to_python(regex), 0 if kind == "place" else re.IGNORECASE)
            except re.error:
                skipped += 1
                continue
            (places if kind == "place" else folded).append((entry, compiled))

    start_wall, start_cpu = time.perf_counter(), time.process_time()
    frame = pd.read_csv(args.csv, nrows=args.sample, dtype=str, keep_default_na=False)
    answers = frame["Answer"]
    lowered = answers.str.lower()
    hits = 0
    found = {}
    for entry, pattern in folded:
        mask = lowered.str.contains(pattern, regex=True)
        found[entry] = found.get(entry, False) | mask
        hits += int(mask.sum())
    for entry, pattern in places:
        mask = answers.str.contains(pattern, regex=True)
        found[entry] = found.get(entry, False) | mask
        hits += int(mask.sum())
    tags = int(sum(int(m.sum()) for m in found.values() if not isinstance(m, bool)))
    wall, cpu = time.perf_counter() - start_wall, time.process_time() - start_cpu
    print(json.dumps({"answers": len(frame), "patterns": len(folded) + len(places),
                      "skipped_patterns": skipped, "pattern_hits": hits, "entry_tags": tags,
                      "wall": round(wall, 3), "cpu": round(cpu, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
