#!/usr/bin/env python3
"""Writes sample_data/round_2025/online_survey_2025.csv: the earlier, smaller round of the sample.

Usage (from the repository root or anywhere):
    python3 tools/make_sample_survey_2025.py [OUTPUT.csv]

The 2025 round is there so `heard diff` has something real to compare: a
smaller survey (about 160 respondents) run a year before the 2026 round,
with a different mix of what people said:
  * more about transport and the cost of living (buses, energy, food, rent),
  * much less about mental health (those sentences are rarely drawn),
  * a few topics of its own that the 2026 round barely raises (flu and
    COVID vaccination clinics, the closure of a minor injuries unit, bank
    branches closing), written below for this sample.
Answers are composed from the sentence banks of tools/make_sample_survey.py
(written for heard) plus BANK_2025 below. Deterministic: the same script
always writes the same bytes. UTF-8 with a BOM and CRLF row ends, as another
survey platform exports. Python standard library only.
"""
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in tools/
import make_sample_survey as base  # noqa: E402  (the 2026 generator: banks and helpers)

SEED = 20250611
RESPONDENTS = 164
ROOT = os.path.dirname(HERE)
DEFAULT_OUT = os.path.join(ROOT, "sample_data", "round_2025", "online_survey_2025.csv")

# Words that mark a sentence as being about the cost of living or transport
# (drawn more often) or about mental health (drawn rarely).
FAVOURED = ["bus", "transport", "drive", "car", "cost", "afford", "£", "energy", "heating",
            "heat ", "bills", "food bank", "rent", "wage", "money", "cheap", "expensive",
            "poverty", "debt", "prepayment", "universal credit"]
DISFAVOURED = ["mental health", "camhs", "depression", "therapies", "crisis", " mh ",
               "self harming", "pnd", "ptsd", "lonely", "loneliness"]

# Written for the 2025 sample: topics of that year.
BANK_2025 = {
    "Q1": [
        "The school bus from our village was cut in September and now the children walk along the A20.",
        "Free school meals should cover every child whose family gets universal credit.",
        "Flu vaccinations for children at school went really well this year, keep them.",
    ],
    "Q2": [
        "Our energy bills doubled this winter and the support scheme ended in April.",
        "The last bank branch in town closed, older people cannot get cash or help with their accounts.",
        "The number 11 bus was withdrawn and I now pay £15 for a taxi to get to work.",
        "Rents have gone up by £150 a month in a year, we might have to leave the area.",
        "Fuel prices mean I cannot afford to drive to my hospital appointments any more.",
    ],
    "Q3": [
        "The community bus to the leisure centre was a lifeline and it has been cut.",
        "Cheap or free swimming for pensioners, the prices went up again in April.",
    ],
    "Q4": [
        "The minor injuries unit closing means a 40 minute drive to A&E for a sprained ankle.",
        "COVID and flu vaccination clinics should be back in the village hall, not only in Maidstone.",
        "The vaccination centre is two buses away and the appointment times do not match the buses.",
        "Hospital parking went up to £4 an hour, which is a tax on being ill.",
    ],
    "Q5": [
        "The strategy should have a whole section on transport, it is the barrier to everything else.",
        "Nothing in here about the cost of living, which is what everyone is talking about.",
    ],
}


def weighted(bank, extra):
    """The bank re-weighted for 2025: favoured sentences x3, disfavoured kept 1 in 8."""
    out = []
    for sentence in bank:
        low = " " + sentence.lower() + " "
        if any(word in low for word in DISFAVOURED):
            out.append((sentence, 1))
        elif any(word in low for word in FAVOURED):
            out.append((sentence, 24))
        else:
            out.append((sentence, 8))
    out += [(sentence, 30) for sentence in extra]
    return out


def draw(rng, pool, n):
    """n different sentences, each drawn by weight."""
    chosen = []
    while len(chosen) < n:
        sentence = rng.choices([s for s, _ in pool], weights=[w for _, w in pool])[0]
        if sentence not in chosen:
            chosen.append(sentence)
    return chosen


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    rng = random.Random(SEED)
    _, by_district = base.load_outcodes()
    banks = {"Q1": base.BANK_O1, "Q2": base.BANK_O2, "Q3": base.BANK_O3, "Q4": base.BANK_O5,
             "Q5": base.BANK_GEN}
    pools = {q: weighted(bank, BANK_2025[q]) for q, bank in banks.items()}
    districts = list(base.DISTRICTS)
    weights = [base.DISTRICTS[d] for d in districts]

    rows = []
    minutes = 3 * 24 * 60  # 3 March 2025
    for i in range(1, RESPONDENTS + 1):
        minutes += rng.randint(60, 600)
        day, minute = minutes // (24 * 60), 8 * 60 + (minutes % (24 * 60)) * 5 // 8
        month, dom = (3, day) if day <= 31 else (4, day - 31)
        submitted = f"{dom:02d}/{month:02d}/2025 {minute // 60:02d}:{minute % 60:02d}"
        district = rng.choices(districts, weights=weights)[0]
        pc = base.postcode(rng, rng.choice(by_district[district]))
        shown = "" if rng.random() < 0.05 else district
        age = rng.choices(base.AGE_BANDS, weights=base.AGE_WEIGHTS)[0]
        carer = rng.choices(base.CARER, weights=base.CARER_WEIGHTS)[0]
        answers = []
        for qid, _, _ in base.QUESTIONS:
            skip = 0.25 if qid != "Q5" else 0.45
            if rng.random() < skip:
                answers.append(rng.choice(base.NON_ANSWERS))
                continue
            n = rng.choices([1, 2, 3], weights=[55, 33, 12])[0]
            answers.append(" ".join(draw(rng, pools[qid], n)))
        rows.append([f"S25-{i:04d}", submitted, pc, shown, age, carer, "As an individual"] + answers)

    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(base.HEADER)
        writer.writerows(rows)
    print(f"wrote {out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
