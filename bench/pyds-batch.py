#!/usr/bin/env python3
"""The tasks of `ssm mass --batch` done with pyds, for a side-by-side timing (bench/pyds.sh).

Reads the JSON Lines requests that GenerateMassBatch writes (Dempster's rule on the SSM frame, focal
sets keyed by code or by label) and, per line, does what `ssm mass` does for it: builds the mass
functions, combines them with Dempster's rule, and computes the conflict K of each step, Bel, Pl
and Q of every focal set of the result and the pignistic probabilities; one JSON answer per line.
The "select" field (Evidence Factory's selector) has no pyds counterpart and is not computed, which
only makes pyds' share of the work smaller.

pyds is not on the machine's package index: clone it (git clone https://github.com/reineking/pyds)
and give its folder in PYDS_DIR. Usage: PYDS_DIR=... python3 bench/pyds-batch.py IN.jsonl > OUT.jsonl
"""
import json
import os
import sys

sys.path.insert(0, os.environ.get("PYDS_DIR", "bench/work/pyds"))
from pyds import MassFunction  # noqa: E402

CODES = ["SN", "NE", "WN", "IF", "WP", "PO", "SP"]
LABELS = ["strongly negative", "negative", "weakly negative", "indifferent", "weakly positive",
          "positive", "strongly positive"]
NAMES = {c.lower(): c for c in CODES}
NAMES.update({l: c for l, c in zip(LABELS, CODES)})
NAMES["indiferent"] = "IF"
for i in range(6):
    for a, b in ((i, i + 1), (i + 1, i)):
        NAMES[LABELS[a] + " - " + LABELS[b]] = CODES[i] + "," + CODES[i + 1]


def focal(key):
    k = key.strip().lower()
    if k in NAMES and "," in NAMES[k]:
        return frozenset(NAMES[k].split(","))
    return frozenset(NAMES[p.strip().lower()] for p in k.split(","))


def order(s):
    return (len(s), sorted(CODES.index(a) for a in s))


def key(s):
    return ",".join(sorted(s, key=CODES.index))


def main():
    out = sys.stdout
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            req = json.loads(line)
            ms = [MassFunction({focal(k): v for k, v in m.items()}) for m in req["masses"]]
            acc = ms[0]
            conflicts = []
            for m in ms[1:]:
                unnormalized = acc.combine_conjunctive(m, normalization=False)
                conflicts.append(unnormalized[frozenset()])
                acc = unnormalized.normalize()
            sets = sorted(acc.focal(), key=order)
            answer = {
                "masses": {key(s): acc[s] for s in sets},
                "conflicts": conflicts,
                "measures": {key(s): {"bel": acc.bel(s), "pl": acc.pl(s), "q": acc.q(s)} for s in sets},
                "pignistic": {a: p for a, p in sorted(
                    ((next(iter(h)), p) for h, p in acc.pignistic().items()), key=lambda x: CODES.index(x[0]))},
            }
            out.write(json.dumps(answer, separators=(",", ":")))
            out.write("\n")


if __name__ == "__main__":
    main()
