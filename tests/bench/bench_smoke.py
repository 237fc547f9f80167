"""The bench_smoke test: the benchmark end to end at a tiny size, then checks on what it printed.

    python3 tests/bench/bench_smoke.py --answers 2000 --ripgrep-sample 500 -- <run_bench.py args>

Runs bench/run_bench.py --check (every figure measured; exit 77 = skipped passes through) with
ripgrep reading a sample smaller than the round, and fails unless:
  - the ripgrep line says it was sampled and scaled, and its wall seconds are the measured
    seconds times answers / sample (the ratio line uses that scaled figure);
  - the sample ripgrep read is the header and the first N records of survey.csv, byte for byte,
    cut on a record boundary; and, as the generated answers are one line each, the same cut on
    a written CSV whose answers span lines inside quotes;
  - with --ripgrep-sample 0 ripgrep is skipped and both its lines say so;
  - the store's floor (SQLite alone writing the same rows) is printed with its parts (--check
    fails unless it copied every record and tag).
Timings are never asserted.
"""
import argparse
import csv
import os
import re
import subprocess
import sys


def bench(run_args, answers, ripgrep_sample):
    here = os.path.dirname(os.path.abspath(__file__))
    cmd = [sys.executable, os.path.join(here, "..", "..", "bench", "run_bench.py"), "--check",
           "--answers", str(answers), "--ripgrep-sample", str(ripgrep_sample)] + run_args
    proc = subprocess.run(cmd, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    return proc.returncode, proc.stdout


def check_cut_on_records(problems, scratch):
    """first_records on answers with quoted newlines, commas and quotes, CRLF line ends."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                    "bench"))
    from run_bench import first_records
    src, dst = os.path.join(scratch, "multiline.csv"), os.path.join(scratch, "multiline_2.csv")
    text = ('Respondent ID,Postcode,District,Answer\r\n'
            'R1,AB1 2CD,North,"The bus stops at 6pm.\r\nFirst line, then\r\n""quoted"" more"\r\n'
            'R2,AB1 2CE,South,"Two\n\nblank lines"\r\n'
            'R3,AB1 2CF,East,one line\r\n')
    for path in (src, dst):
        if os.path.exists(path):
            os.remove(path)
    with open(src, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    copied = first_records(src, 2, dst)
    with open(dst, encoding="utf-8", newline="") as f:
        got = f.read()
    want = text[:text.index("R3,")]
    if copied != 2 or got != want:
        problems.append(f"first_records cut {copied} records {got!r}, expected 2 {want!r}")


def line_starting(out, prefix):
    return next((l.strip() for l in out.splitlines() if l.strip().startswith(prefix)), None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--ripgrep-sample", type=int, default=500)
    parser.add_argument("--dir", required=True)
    args, rest = parser.parse_known_args()
    rest = [a for a in rest if a != "--"] + ["--dir", args.dir]
    n = args.ripgrep_sample
    if not 0 < n < args.answers:
        raise SystemExit("bench_smoke: --ripgrep-sample must be between 0 and --answers")

    problems = []
    os.makedirs(args.dir, exist_ok=True)
    check_cut_on_records(problems, args.dir)
    status, out = bench(rest, args.answers, n)
    if status != 0:
        return status  # 77: a baseline tool is missing (skipped); otherwise a failed check

    floor = line_starting(out, "SQLite alone, the same rows")
    if floor is None or not all(re.search(part + r" \d+\.\d\d", floor)
                                for part in ("records", "FTS5", "tags")):
        problems.append(f"no store-floor line with the seconds of its parts: {floor!r}")

    row = line_starting(out, "ripgrep")
    if row is None:
        problems.append("no ripgrep line")
    else:
        if not re.match(r"ripgrep, sampled, scaled\s", row):
            problems.append(f"the ripgrep line does not say sampled and scaled: {row!r}")
        measured = re.search(r"measured ([\d.]+) s wall, [\d.]+ s CPU on a sample of the first"
                             r" (\d+) answers .*scaled x([\d.]+) to (\d+)", row)
        wall = re.match(r"ripgrep[^\d]*([\d.]+)", row)
        if not measured or not wall:
            problems.append(f"the ripgrep line does not give the measured sample: {row!r}")
        else:
            seconds, sampled, scale, to = (float(measured.group(1)), int(measured.group(2)),
                                           float(measured.group(3)), int(measured.group(4)))
            if sampled != n or to != args.answers or abs(scale - args.answers / n) > 0.05:
                problems.append(f"sample {sampled} x{scale} to {to}, expected {n}"
                                f" x{args.answers / n:.1f} to {args.answers}")
            # Both printed with 2 decimals: the scaled wall is the measured one times the scale.
            if abs(float(wall.group(1)) - seconds * args.answers / n) > 0.006 * args.answers / n:
                problems.append(f"ripgrep wall {wall.group(1)} s is not {seconds} s x{scale}")
    ratio = line_starting(out, "heard 2 threads vs ripgrep")
    if ratio is None or f"ripgrep scaled from a sample of {n} answers" not in ratio:
        problems.append(f"the ripgrep ratio does not say it is scaled: {ratio!r}")

    data = os.path.join(args.dir, next(d for d in os.listdir(args.dir)
                                       if d.startswith(f"n{args.answers}_")))
    with open(os.path.join(data, "survey.csv"), "rb") as f:
        whole = f.read()
    with open(os.path.join(data, f"survey_first{n}.csv"), "rb") as f:
        sample = f.read()
    with open(os.path.join(data, "survey.csv"), encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        expected = [next(reader) for _ in range(n + 1)]
        multiline = sum(1 for row in expected if any("\n" in field for field in row))
    with open(os.path.join(data, f"survey_first{n}.csv"), encoding="utf-8", newline="") as f:
        got = list(csv.reader(f))
    if not whole.startswith(sample) or got != expected:
        problems.append(f"survey_first{n}.csv is not the header and the first {n} records")
    print(f"bench_smoke: the sample holds {len(got) - 1} records, {multiline} of them over"
          " several lines")

    status, out = bench(rest + ["--pandas-sample", "50"], args.answers, 0)  # the last one wins
    if status != 0:
        return status
    if line_starting(out, "ripgrep") != "ripgrep: skipped (--ripgrep-sample 0)":
        problems.append(f"skipped ripgrep line: {line_starting(out, 'ripgrep')!r}")
    if line_starting(out, "heard 2 threads vs ripgrep") != \
            "heard 2 threads vs ripgrep: skipped (--ripgrep-sample 0)":
        problems.append("the ratio line does not say ripgrep was skipped")

    for what in problems:
        print(f"bench_smoke failed: {what}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
