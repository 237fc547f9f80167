#!/usr/bin/env python3
"""Check the hand-coded gold standard and print its counts.

Usage: tools/check_gold.py [GOLD_CSV] [THEMES_TOML]
Defaults: sample_data/gold/gold_standard.csv and lexicons/themes.toml, relative
to the repository root (the parent of this script's folder).

Checks: the file is UTF-8 without a BOM and parses as RFC 4180 CSV with the
header id,channel,text,themes,negated,notes; every row has six fields; ids are
G001, G002, ... and unique; channel is survey, focus_group or workshop; text is
not empty; every theme id exists in themes.toml; no theme is listed twice in a
row; negated is a subset of themes. Each problem is printed as file:line: reason
and the exit code is 1 if any was found. The counts (records, by channel,
records per theme, themes with no example, records with no theme, mean themes
per record) are printed either way.
"""
import collections
import csv
import io
import os
import re
import sys
import tomllib

HEADER = ["id", "channel", "text", "themes", "negated", "notes"]
CHANNELS = ("survey", "focus_group", "workshop")


def split_ids(cell):
    return [t.strip() for t in cell.split(";") if t.strip()]


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    gold = argv[1] if len(argv) > 1 else os.path.join(root, "sample_data/gold/gold_standard.csv")
    toml_path = argv[2] if len(argv) > 2 else os.path.join(root, "lexicons/themes.toml")
    with open(toml_path, "rb") as f:
        themes = tomllib.load(f)["theme"]
    theme_ids = [t["id"] for t in themes]
    parent = {t["id"]: t.get("parent", "") for t in themes}
    known = set(theme_ids)

    problems = []
    raw = open(gold, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{gold}:1: file starts with a byte order mark")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{gold}: not UTF-8: {e}")
        return 1
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = [(reader.line_num, r) for r in reader]
    except csv.Error as e:
        print(f"{gold}:{reader.line_num}: CSV error: {e}")
        return 1
    # reader.line_num after reading a row is the line the row ends on; report that.
    if not rows or rows[0][1] != HEADER:
        problems.append(f"{gold}:1: header must be {','.join(HEADER)}")
    records = []
    seen = set()
    for line, r in rows[1:]:
        if len(r) != len(HEADER):
            problems.append(f"{gold}:{line}: {len(r)} fields, expected {len(HEADER)}")
            continue
        rid, channel, body, th, neg, _notes = r
        if not re.fullmatch(r"G\d{3,}", rid):
            problems.append(f"{gold}:{line}: id '{rid}' is not G followed by digits")
        if rid in seen:
            problems.append(f"{gold}:{line}: duplicate id {rid}")
        seen.add(rid)
        if channel not in CHANNELS:
            problems.append(f"{gold}:{line}: {rid}: channel '{channel}' not one of {', '.join(CHANNELS)}")
        if not body.strip():
            problems.append(f"{gold}:{line}: {rid}: empty text")
        tl, nl = split_ids(th), split_ids(neg)
        for t in tl + nl:
            if t not in known:
                problems.append(f"{gold}:{line}: {rid}: unknown theme id '{t}'")
        if len(set(tl)) != len(tl):
            problems.append(f"{gold}:{line}: {rid}: a theme is listed twice")
        for t in nl:
            if t not in tl:
                problems.append(f"{gold}:{line}: {rid}: negated '{t}' is not in themes")
        records.append((rid, channel, tl, nl))

    for p in problems:
        print(p)

    n = len(records)
    by_channel = collections.Counter(c for _, c, _, _ in records)
    per_theme = collections.Counter(t for _, _, tl, _ in records for t in tl)
    neg_theme = collections.Counter(t for _, _, _, nl in records for t in nl)
    rolled = collections.Counter()
    for _, _, tl, _ in records:
        s = set(tl)
        for t in tl:
            if parent.get(t):
                s.add(parent[t])
        rolled.update(s)
    untagged = sum(1 for _, _, tl, _ in records if not tl)
    with_neg = sum(1 for _, _, _, nl in records if nl)
    total = sum(len(tl) for _, _, tl, _ in records)
    print(f"records: {n}")
    print("by channel: " + ", ".join(f"{c} {by_channel[c]}" for c in CHANNELS))
    print(f"records with no theme: {untagged}")
    print(f"records with a negated/hedged theme: {with_neg} ({sum(neg_theme.values())} theme mentions)")
    print(f"theme codes: {total}; mean themes per record: {total / n:.2f}" if n else "no records")
    print(f"themes with at least one record: {sum(1 for t in theme_ids if per_theme[t])} of {len(theme_ids)}")
    print(f"themes with at least 3 records: {sum(1 for t in theme_ids if per_theme[t] >= 3)} of {len(theme_ids)}")
    print("records per theme (coded / negated / with children rolled up to parent):")
    for t in theme_ids:
        ind = "  " if parent[t] else ""
        print(f"  {ind}{t}: {per_theme[t]} / {neg_theme[t]} / {rolled[t]}")
    missing = [t for t in theme_ids if not per_theme[t]]
    print("themes with no example: " + (", ".join(missing) if missing else "none"))
    print("problems: " + str(len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
