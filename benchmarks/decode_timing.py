#!/usr/bin/env python3
"""Times commands in interleaved rounds and reports medians with their spread, for decode-vs-python.sh.

Usage: decode_timing.py run SAMPLES ROUNDS SEED LABEL[%EVERY][@GROUP]=COMMAND...
       decode_timing.py report SAMPLES [slope NAME LABEL_A LABEL_B LINES]... [ratio NAME SLOPE_1 SLOPE_2]...

`run` runs every LABEL's COMMAND (split like a shell word list; output to /dev/null, exit status ignored) once per
round (or every EVERY-th round), in an order shuffled each round (seeded: the same SEED gives the same order; the
commands of one GROUP run one after the other, in a shuffled order), for ROUNDS rounds, and appends one line per run
to SAMPLES: label, round, wall ns, CPU ns (user + system of the process and all its threads, from wait4's rusage, in
microseconds). Interleaving is what makes the figures steady on a shared machine: a burst of someone else's load hits
the commands of a round, and above all the two files of one group run back to back, alike, instead of all the runs
of one input.

`report` reads SAMPLES and prints, for each label, the median wall and CPU time with the quartiles and extremes; and
the slopes asked for as LABEL_A LABEL_B LINES (the per-line cost between two files, start-up cancelled): the
Hodges-Lehmann estimate of the differences B - A of the rounds (the median of the means of all pairs of them; as
robust as a median, steadier), divided by LINES. Each slope, and each ratio of two slopes, has a 95 % bootstrap
interval: the rounds resampled with replacement 2,000 times (seeded), each round's runs kept together. The interval
is the spread of the figure itself, which is what says whether a target is shown.
"""
import math
import os
import random
import shlex
import statistics
import subprocess
import sys
import time


def run(samples, rounds, seed, specs):
    commands = []
    for spec in specs:
        label, _, command = spec.partition("=")
        label, _, group = label.partition("@")
        label, _, every = label.partition("%")
        commands.append((label, int(every or 1), group or label, shlex.split(command)))
    rng = random.Random(seed)
    with open(samples, "a") as out, open(os.devnull, "wb") as null:
        for r in range(rounds):
            groups = {}
            for c in commands:
                if r % c[1] == 0:
                    groups.setdefault(c[2], []).append(c)
            order = list(groups.values())
            rng.shuffle(order)
            for group in order:
                rng.shuffle(group)
            for label, _, _, argv in (c for group in order for c in group):
                t0 = time.perf_counter_ns()
                p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=null, stderr=null)
                _, _, usage = os.wait4(p.pid, 0)
                wall = time.perf_counter_ns() - t0
                cpu = round((usage.ru_utime + usage.ru_stime) * 1e9)
                out.write(f"{label}\t{r}\t{wall}\t{cpu}\n")
            out.flush()


def load(samples):
    by_label = {}
    for line in open(samples):
        label, r, wall, cpu = line.split("\t")
        by_label.setdefault(label, {})[int(r)] = (int(wall), int(cpu))
    return by_label


def quartiles(values):
    q = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return q[0], q[1], q[2]


def hodges_lehmann(values):
    """The median of the means of all pairs (i <= j) of values: a robust centre with less scatter than the median."""
    return statistics.median((x + y) / 2 for k, x in enumerate(values) for y in values[k:])


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "run":
        run(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:])
        return
    if len(sys.argv) < 3 or sys.argv[1] != "report":
        sys.exit(__doc__)
    data = load(sys.argv[2])
    # report SAMPLES [slope NAME A B LINES]... [ratio NAME SLOPE_NUMERATOR SLOPE_DENOMINATOR]...
    args = sys.argv[3:]
    slopes, ratios = [], []
    while args:
        if args[0] == "slope":
            slopes.append((args[1], args[2], args[3], int(args[4])))
            args = args[5:]
        elif args[0] == "ratio":
            ratios.append((args[1], args[2], args[3]))
            args = args[4:]
        else:
            sys.exit(f"decode_timing.py: unknown report item {args[0]}")

    for label, runs in data.items():
        for kind, i in (("wall", 0), ("cpu", 1)):
            q1, med, q3 = quartiles([v[i] for v in runs.values()])
            vals = [v[i] for v in runs.values()]
            print(f"time\t{label}\t{kind}\t{len(vals)}\t{med}\t{q1}\t{q3}\t{min(vals)}\t{max(vals)}")

    def figures(rounds):
        """The slopes (ns a line) and ratios of the given rounds (a round may come twice), wall then CPU."""
        out = {}
        for kind, i in (("wall", 0), ("cpu", 1)):
            for name, a, b, lines in slopes:
                diffs = [data[b][r][i] - data[a][r][i] for r in rounds if r in data[a] and r in data[b]]
                out[(name, kind)] = hodges_lehmann(diffs) / lines if diffs else float("nan")
            for name, num, den in ratios:
                d = out[(den, kind)]
                out[(name, kind)] = out[(num, kind)] / d if d > 0 else float("inf")
        return out

    all_rounds = sorted({r for runs in data.values() for r in runs})
    point = figures(all_rounds)
    rng = random.Random(7)
    boot = [figures([rng.choice(all_rounds) for _ in all_rounds]) for _ in range(2000)]
    for key, value in point.items():
        # a resample without any round of a label that runs only every few rounds has no figure: left out
        dist = sorted(b[key] for b in boot if not math.isnan(b[key]))
        if len(dist) < len(boot) // 2:
            lo = hi = float("nan")
        else:
            lo, hi = dist[int(0.025 * len(dist))], dist[int(0.975 * len(dist)) - 1]
        kind = "slope" if key[0] in {s[0] for s in slopes} else "ratio"
        print(f"{kind}\t{key[0]}\t{key[1]}\t{value}\t{lo}\t{hi}")


if __name__ == "__main__":
    main()
