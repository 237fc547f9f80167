"""heard's benchmark: one synthetic round, heard against pandas and ripgrep in the same run.

Run through scripts/bench.sh (it installs what is missing and builds). Standard library only;
the pandas baseline runs in its own process (bench/pandas_baseline.py).

Measures, on the same generated file:
  - heard run (read, parse, normalise, tag, store with the FTS5 index) on 1 and on 2 threads: wall
    seconds, MB/s, records/s, peak RSS (/usr/bin/time -v), CPU seconds per stage (--stats);
  - heard's normalise and tag stages alone, in memory, one thread (heard_bench tag);
  - SQLite alone writing the rows heard stored (records, FTS5 entries, tags) into a new
    database: the floor of the store stage, on SQLite's one writer;
  - ripgrep with the same patterns (the raw pattern-matching limit), on the first answers'
    CSV records, scaled to the whole round (a whole 1M round takes ripgrep over half an hour);
  - pandas and `re` with the same patterns, on a sample, scaled to the whole round.
Prints them side by side with the ratios and whether the targets are met. Timings are never
asserted; the exit status is non-zero only when a step fails.
"""
import argparse
import csv as csvmod
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

TARGET_SECONDS_PER_MILLION = 20.0
TARGET_RSS_MIB = 1024.0
TARGET_SPEEDUP = 1.7
TARGET_VS_PANDAS = 100.0
# ripgrep's default sample, in answers. With these ~3,000 expressions its time grows with the
# text it reads, not its start-up (0.1 s on an empty file); measured 2026-11-24, user CPU s per
# 1,000 answers: 7.0 at 1,000, 5.3 at 2,000, 3.6 at 5,000, 2.8 at 10,000, 2.2 at 20,000 (44 s,
# 1.1 GB peak RSS). A whole 1M round ran over half an hour; 20,000 keeps it under a minute or
# two. The cost per answer falls as the sample grows, so the linear scaling is likely high.
RIPGREP_SAMPLE = 20000


def run(cmd, ok_codes=(0,), **kwargs):
    """Runs cmd under /usr/bin/time -v; returns (stdout, wall seconds, peak RSS MiB, CPU s).
    An exit status outside ok_codes stops the benchmark."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True,
                          **kwargs)
    wall = time.perf_counter() - start
    if proc.returncode not in ok_codes:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode})")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", proc.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", proc.stderr)
    cpu = float(user.group(1)) + float(system.group(1)) if user and system else 0.0
    return proc.stdout, wall, int(rss.group(1)) / 1024.0 if rss else 0.0, cpu


def parse_fields(line):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}


def remove_database(path):
    """Removes an SQLite database and its WAL and shared-memory files, where they exist."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def sqlite_floor(db):
    """SQLite alone writing what heard stored in `db`: its records, their FTS5 entries and its
    tags, copied by INSERT ... SELECT into a new database with the same tables, indexes and
    settings as heard's (8 KiB pages, WAL, synchronous NORMAL, a 256 MiB page cache, foreign
    keys off), one transaction per table. No reading, parsing, tagging or binding: the floor
    of heard's store stage, which SQLite runs on its one writer whatever the thread count.
    Returns wall and CPU seconds (this process: SQLite runs in it) per part and in all."""
    floor = db + ".floor"
    remove_database(floor)
    src = sqlite3.connect(db)
    schema = [sql for (sql,) in src.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name IN ('records', 'tags', 'records_fts')"
        " AND sql IS NOT NULL AND name NOT LIKE 'records_fts_%' ORDER BY rowid")]
    src.close()
    con = sqlite3.connect(floor, isolation_level=None)
    for pragma in ("page_size = 8192", "journal_mode = WAL", "synchronous = NORMAL",
                   "cache_size = -262144", "foreign_keys = OFF"):
        con.execute("PRAGMA " + pragma)
    for sql in schema:
        con.execute(sql)
    con.execute("ATTACH DATABASE ? AS s", (db,))
    parts = {}
    for part, sql in (
            ("records", "INSERT INTO records SELECT * FROM s.records ORDER BY seq"),
            ("fts", "INSERT INTO records_fts(rowid, text) SELECT seq, text FROM s.records"
                    " ORDER BY seq"),
            ("tags", "INSERT INTO tags SELECT * FROM s.tags ORDER BY rowid")):
        wall, cpu = time.perf_counter(), time.process_time()
        con.execute("BEGIN")
        con.execute(sql)
        con.execute("COMMIT")
        parts[part] = (time.perf_counter() - wall, time.process_time() - cpu)
    records = con.execute("SELECT count(*) FROM records").fetchone()[0]
    tags = con.execute("SELECT count(*) FROM tags").fetchone()[0]
    con.close()
    remove_database(floor)
    return {"parts": parts, "records": records, "tags": tags,
            "wall": sum(w for w, _ in parts.values()), "cpu": sum(c for _, c in parts.values())}


def heard_run(args, data, threads, floor=False):
    db = os.path.join(data, f"bench_{threads}t.db")
    remove_database(db)
    out, wall, rss, cpu = run([args.heard, "run", os.path.join(data, "round.toml"), "--db", db,
                               "--threads", str(threads), "--quiet", "--stats"])
    stats = next((parse_fields(l) for l in out.splitlines() if l.startswith("stats:")), {})
    con = sqlite3.connect(db)
    records = con.execute("SELECT count(*) FROM records").fetchone()[0]
    tags = con.execute("SELECT count(*) FROM tags").fetchone()[0]
    # What a reader sees: the same records, tags and search hits whatever the thread count.
    digest = con.execute("SELECT total(seq * length(text)), total(flags) FROM records").fetchone()
    tag_digest = con.execute(
        "SELECT total(record_seq * (length(value) + start + 7 * end)) FROM tags").fetchone()[0]
    searchable = con.execute(
        "SELECT count(*) FROM records_fts WHERE records_fts MATCH 'appointment OR bus'"
    ).fetchone()[0]
    status = con.execute("SELECT group_concat(DISTINCT status) FROM sources").fetchone()[0]
    con.close()
    size = os.path.getsize(db)
    store_floor = sqlite_floor(db) if floor else None
    remove_database(db)
    return {"threads": threads, "wall": wall, "rss": rss, "cpu": cpu, "stats": stats,
            "records": records, "tags": tags, "searchable": searchable, "status": status,
            "fingerprint": (records, tags, digest, tag_digest, searchable), "db_mb": size / 1e6,
            "floor": store_floor}


def to_rust(regex):
    """The same expression for ripgrep: RE2's \\b, \\w, \\s, \\d are ASCII-only (Rust's are
    Unicode, and a Unicode \\b sends ripgrep to its slow engine on non-ASCII text), and RE2's
    QuoteMeta escapes punctuation Rust's regex refuses to see escaped."""
    regex = re.sub(r"\\([',&/!\":;<>=@%`_])", r"\1", regex)
    out, i, in_class = [], 0, False
    while i < len(regex):
        c = regex[i]
        if c == "\\" and i + 1 < len(regex):
            pair = regex[i:i + 2]
            ascii_class = {"\\s": "\\t\\n\\f\\r ", "\\w": "0-9A-Za-z_", "\\d": "0-9"}
            if in_class and pair in ascii_class:
                out.append(ascii_class[pair])
            elif not in_class and pair[1] in "bBwWsSdD":
                out.append("(?-u:" + pair + ")")
            else:
                out.append(pair)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


def first_records(src_path, records, dst_path):
    """Writes the header and the first `records` CSV records of src_path to dst_path, byte for
    byte, cut on record boundaries (an answer may span lines inside quotes); made once per data
    dir and size, not timed. Returns how many records dst_path holds."""
    if not os.path.exists(dst_path):
        with open(src_path, encoding="utf-8", newline="") as src, \
                open(dst_path + ".tmp", "w", encoding="utf-8", newline="") as dst:
            pending = []

            def lines():
                for line in src:
                    pending.append(line)
                    yield line

            copied = -1  # the header row comes first
            for _ in csvmod.reader(lines()):  # reads exactly the lines of one record per row
                dst.write("".join(pending))
                pending.clear()
                copied += 1
                if copied == records:
                    break
        os.replace(dst_path + ".tmp", dst_path)
    with open(dst_path, encoding="utf-8", newline="") as f:
        return max(0, sum(1 for _ in csvmod.reader(f)) - 1)


def lower_copy(path):
    """A lower-cased copy of path next to it (made once, not timed)."""
    lower = path[:-len(".csv")] + "_lower.csv"
    if not os.path.exists(lower):
        with open(path, encoding="utf-8") as src, open(lower + ".tmp", "w", encoding="utf-8") as dst:
            for line in src:
                dst.write(line.lower())
        os.replace(lower + ".tmp", lower)
    return lower


def ripgrep(data, answers, sample):
    """ripgrep over the whole survey file, or over its first `sample` answers with wall and CPU
    scaled to `answers` (the "scale" field; 1 for the whole file). None when sample is 0."""
    if sample <= 0:
        return None
    folded, places = [], []
    with open(os.path.join(data, "patterns.tsv"), encoding="utf-8") as f:
        for line in f:
            kind, _, regex = line.rstrip("\n").split("\t", 2)
            if kind in ("theme", "outcome"):
                folded.append(to_rust(regex))
            elif kind == "place":
                places.append(to_rust(regex))
    paths = []
    for name, patterns in (("rg_folded.txt", folded), ("rg_places.txt", places)):
        path = os.path.join(data, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(patterns) + "\n")
        paths.append(path)
    csv = os.path.join(data, "survey.csv")
    measured_answers = answers
    if sample < answers:
        csv_sample = os.path.join(data, f"survey_first{sample}.csv")
        measured_answers = first_records(csv, sample, csv_sample)
        csv = csv_sample
    # Theme and outcome expressions are written for folded (lower-case) text: ripgrep reads a
    # lower-cased copy (made once, not timed), as -i over thousands of expressions makes its
    # regex compiler take minutes and gigabytes. Places are matched with their case.
    lower = lower_copy(csv)
    total_wall, total_cpu, rss_max, matches = 0.0, 0.0, 0.0, 0
    for path, text in ((paths[0], lower), (paths[1], csv)):
        # rg exits 1 when nothing matched (possible on a tiny sample): a count of 0, not a failure.
        out, wall, rss, cpu = run(["rg", "--no-filename", "--count-matches", "-f", path, text],
                                  ok_codes=(0, 1))
        total_wall += wall
        total_cpu += cpu
        rss_max = max(rss_max, rss)
        matches += int(out.strip() or 0)
    scale = answers / max(1, measured_answers)
    return {"wall": total_wall * scale, "cpu": total_cpu * scale, "rss": rss_max,
            "matches": matches, "patterns": len(folded) + len(places),
            "measured_wall": total_wall, "measured_cpu": total_cpu,
            "answers": measured_answers, "scale": scale, "sampled": measured_answers < answers,
            "mb": os.path.getsize(csv) / 1e6}


def ripgrep_row(rg, answers, size_mb):
    """The ripgrep line of the table: scaled figures, saying so, when it read a sample."""
    if rg is None:
        return "ripgrep: skipped (--ripgrep-sample 0)"
    label = "ripgrep, sampled, scaled" if rg["sampled"] else "ripgrep, same patterns"
    note = (f"measured {rg['measured_wall']:.2f} s wall, {rg['measured_cpu']:.2f} s CPU on a"
            f" sample of the first {rg['answers']} answers ({rg['mb']:.1f} MB), scaled"
            f" x{rg['scale']:.1f} to {answers}, likely high as its cost per answer falls with"
            f" size; peak RSS of the sample; " if rg["sampled"] else "")
    return (f"{label:34} {rg['wall']:9.2f} {size_mb / rg['wall']:8.1f}"
            f" {answers / rg['wall']:11.0f} {rg['rss']:13.0f} {rg['cpu']:8.2f}"
            f"   ({note}{rg['patterns']} patterns, {rg['matches']} matches"
            f"{' in the sample' if rg['sampled'] else ''}; themes and outcomes over a"
            f" lower-cased copy)")


def ripgrep_ratio(rg, heard_wall):
    """The ratio line against ripgrep, from its scaled figure when it read a sample."""
    if rg is None:
        return "  heard 2 threads vs ripgrep: skipped (--ripgrep-sample 0)"
    ratio = heard_wall / rg["wall"]
    told = f"{ratio:.1f}x the time" if ratio >= 1 else f"{1 / ratio:.1f}x faster"
    scaled = (f"ripgrep scaled from a sample of {rg['answers']} answers; " if rg["sampled"]
              else "")
    return (f"  heard 2 threads vs ripgrep: {told} ({scaled}ripgrep only matches; heard also"
            f" normalises, keeps spans, stores and indexes)")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--answers", type=int, default=1000000)
    parser.add_argument("--pandas-sample", type=int, default=10000)
    parser.add_argument("--ripgrep-sample", type=int, default=RIPGREP_SAMPLE,
                        help="ripgrep reads the first N answers and is scaled to the whole round"
                        f" (default {RIPGREP_SAMPLE}); 0 skips ripgrep; N >= --answers reads the"
                        " whole file")
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--dir", default=os.path.join(here, "..", "build", "bench_data"))
    parser.add_argument("--heard", required=True)
    parser.add_argument("--heard-bench", required=True)
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--check", action="store_true",
                        help="for the test suite: exit 77 (skip) when a baseline tool is"
                        " missing; fail unless every figure was measured (never on timings)")
    args = parser.parse_args()
    if args.check:
        missing = [tool for tool, ok in (
            ("/usr/bin/time", os.path.exists("/usr/bin/time")),
            ("ripgrep", shutil.which("rg") is not None),
            ("python3-pandas", subprocess.run([args.python, "-c", "import pandas"],
                                              capture_output=True).returncode == 0)) if not ok]
        if missing:
            print(f"bench: skipped, not installed: {', '.join(missing)}"
                  " (bash scripts/dev.sh bench installs them)")
            return 77
    data = os.path.abspath(os.path.join(args.dir, f"n{args.answers}_s{args.seed}"))
    os.makedirs(data, exist_ok=True)
    csv = os.path.join(data, "survey.csv")

    stamp = os.path.join(data, "generated.txt")
    if not os.path.exists(stamp):
        out, wall, _, _ = run([args.heard_bench, "generate", "--dir", data, "--answers",
                               str(args.answers), "--seed", str(args.seed)])
        with open(stamp, "w") as f:
            f.write(out)
        print(f"bench: generated {args.answers} answers in {wall:.1f} s into {data}")
    size_mb = os.path.getsize(csv) / 1e6
    print(f"bench: {args.answers} answers, {size_mb:.1f} MB ({csv})")

    runs = [heard_run(args, data, t, floor=(t == 2)) for t in (1, 2)]
    tag_out, _, _, _ = run([args.heard_bench, "tag", "--csv", csv])
    tag = parse_fields(tag_out)
    rg = ripgrep(data, args.answers, args.ripgrep_sample)
    pandas_out, _, pandas_rss, _ = run([args.python, os.path.join(here, "pandas_baseline.py"),
                                        "--csv", csv, "--patterns",
                                        os.path.join(data, "patterns.tsv"), "--sample",
                                        str(args.pandas_sample)])
    pandas = json.loads(pandas_out.strip().splitlines()[-1])
    scale = args.answers / max(1, pandas["answers"])
    pandas_scaled = pandas["wall"] * scale

    one, two = runs
    print()
    print(f"{'':34} {'wall s':>9} {'MB/s':>8} {'records/s':>11} {'peak RSS MiB':>13} {'CPU s':>8}")
    for r in runs:
        print(f"{'heard run, ' + str(r['threads']) + ' thread' + ('s' if r['threads'] > 1 else ''):34}"
              f" {r['wall']:9.2f} {size_mb / r['wall']:8.1f} {r['records'] / r['wall']:11.0f}"
              f" {r['rss']:13.0f} {r['cpu']:8.2f}")
    tag_cpu = tag.get("normalise_cpu", 0) + tag.get("tag_cpu", 0)
    print(f"{'heard normalise+tag alone, 1 t':34} {tag_cpu:9.2f} {size_mb / max(tag_cpu, 1e-9):8.1f}"
          f" {tag.get('records', 0) / max(tag_cpu, 1e-9):11.0f} {'':>13} {tag_cpu:8.2f}"
          f"   (CPU s: normalise {tag.get('normalise_cpu', 0):.2f}, tag {tag.get('tag_cpu', 0):.2f})")
    floor = runs[1]["floor"]
    print(f"{'SQLite alone, the same rows':34} {floor['wall']:9.2f} {'':>8}"
          f" {floor['records'] / floor['wall']:11.0f} {'':>13} {floor['cpu']:8.2f}"
          "   (the store stage's floor: heard's stored records, FTS5 entries and tags copied"
          " into a new database by INSERT ... SELECT; wall s: records"
          f" {floor['parts']['records'][0]:.2f}, FTS5 {floor['parts']['fts'][0]:.2f},"
          f" tags {floor['parts']['tags'][0]:.2f})")
    print(ripgrep_row(rg, args.answers, size_mb))
    print(f"{'pandas + re, scaled':34} {pandas_scaled:9.2f} {size_mb / pandas_scaled:8.1f}"
          f" {args.answers / pandas_scaled:11.0f} {pandas_rss:13.0f} {'':>8}"
          f"   (measured {pandas['wall']:.2f} s on a sample of {pandas['answers']} answers,"
          f" x{scale:.0f}; {pandas['patterns']} patterns, {pandas['skipped_patterns']} not"
          f" expressible in re)")
    print()
    print("heard run, CPU seconds per stage (summed over threads):")
    print(f"  {'threads':>7} {'read+parse':>11} {'normalise':>10} {'tag':>8} {'store':>8}"
          f" {'finish':>10} {'wall':>8}")
    for r in runs:
        s = r["stats"]
        print(f"  {r['threads']:>7} {s.get('read', 0):11.2f} {s.get('normalise', 0):10.2f}"
              f" {s.get('tag', 0):8.2f} {s.get('store', 0):8.2f} {s.get('index', 0):10.2f}"
              f" {s.get('wall', 0):8.2f}")
    print(f"  stored {two['records']} records, {two['tags']} tags; database {two['db_mb']:.0f} MB;"
          f" FTS 'appointment OR bus' finds {two['searchable']}; sources {two['status']}")
    same = one["fingerprint"] == two["fingerprint"]
    print(f"  1 and 2 threads stored the same records, tags and index: {'yes' if same else 'NO'}")

    speedup = one["wall"] / two["wall"]
    vs_pandas = pandas_scaled / two["wall"]
    per_million = two["wall"] * 1e6 / args.answers
    rss = max(r["rss"] for r in runs)
    print()
    print("ratios:")
    print(f"  heard 2 threads vs pandas: {vs_pandas:.0f}x faster")
    print(ripgrep_ratio(rg, two["wall"]))
    print(f"  2 threads vs 1: {speedup:.2f}x")
    print()

    def verdict(ok):
        return "met" if ok else "NOT met"

    print("targets:")
    print(f"  1M answers in <= {TARGET_SECONDS_PER_MILLION:.0f} s on 2 threads: {per_million:.1f}"
          f" s per million -> {verdict(per_million <= TARGET_SECONDS_PER_MILLION)}")
    floor_per_million = floor["wall"] * 1e6 / args.answers
    if floor_per_million > TARGET_SECONDS_PER_MILLION:
        print(f"    SQLite alone took {floor_per_million:.1f} s per million answers to write the"
              " same rows on its one writer: out of reach for this schema in one database,"
              " whatever comes before the store")
    print(f"  peak RSS < {TARGET_RSS_MIB:.0f} MiB: {rss:.0f} MiB -> {verdict(rss < TARGET_RSS_MIB)}")
    print(f"  2 threads >= {TARGET_SPEEDUP}x faster than 1: {speedup:.2f}x ->"
          f" {verdict(speedup >= TARGET_SPEEDUP)}")
    print(f"  >= {TARGET_VS_PANDAS:.0f}x faster than pandas: {vs_pandas:.0f}x ->"
          f" {verdict(vs_pandas >= TARGET_VS_PANDAS)}")
    print(f"  same results on 1 and 2 threads: {verdict(same)}")
    if args.answers < 1000000:
        print(f"  (a round of {args.answers} answers: fixed start-up costs weigh more than at 1M)")
    if args.check:
        stages = ("read", "normalise", "tag", "store", "index", "wall")
        problems = [what for what, ok in (
            ("records stored on both thread counts", one["records"] > 0 and two["records"] > 0),
            ("stage CPU seconds from --stats", all(k in r["stats"] for r in runs for k in stages)),
            ("peak RSS", all(r["rss"] > 0 for r in runs)),
            ("sources complete and searchable", two["status"] == "complete"
             and two["searchable"] > 0),
            ("tag stage alone", tag.get("records", 0) == two["records"]),
            ("SQLite alone, the same rows", floor["records"] == two["records"]
             and floor["tags"] == two["tags"] and floor["cpu"] > 0),
            ("ripgrep matches", rg is None or rg["matches"] > 0),
            ("pandas sample", pandas["answers"] == min(args.pandas_sample, args.answers)
             and pandas["pattern_hits"] > 0),
            ("same results on 1 and 2 threads", same)) if not ok]
        for what in problems:
            print(f"bench check failed: {what}")
        return 1 if problems else 0
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
