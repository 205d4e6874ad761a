#!/usr/bin/env python3
"""Randomized cross-check of attainment (达成度): `zy eval --format json` against oracle.py.

Generates seeded random dossiers (zhuoyue.dossier/1) with the holes real data has — missing
scores, assessments without scores, supporting courses without a measuring assessment,
assessments measuring a point their course does not support, points nobody supports or
measures, orphan courses, courses without assessments, a dossier without a scores table or
with an empty one, students scoring exactly at the threshold, whole cohorts exactly at a
cut-off — evaluates each with every method combination (2 × 2 × 2 × 2 = 16), and compares
the engine's `attainment` with the independent implementation in oracle.py: point and item
values, `exact`, students, students_at_threshold, share_at_threshold, courses, levels, and
course_points (value, weight, assessments, students, scores). Numbers must agree within
--tolerance (1e-9); a null must be a null.

    cross_check.py --zy build/tools/zy/zy --seed 1 --dossiers 40
    cross_check.py --zy build/tools/zy/zy --seed 1 --only 17 --save-dir /tmp/cc   # one dossier

Exit status 0 when everything agrees, 1 on a mismatch (each printed, and the dossier saved
with the commands that reproduce it), 2 when zy fails to run or rejects a generated dossier.
"""

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

METHODS = list(itertools.product(
    ("cohort", "per_student"), ("weighted_mean", "minimum"), ("minimum", "mean"),
    ("support", "credits")))
CUT_OFFS = [("0.6", "0.8")] * 6 + [("0.7", "0.85"), ("0.5", "0.75"), ("0.65", "0.9"),
                                   ("0.75", "0.7")]  # the last: good below threshold
SUPPORT_NUMBERS = ["1", "0.1", "0.2", "0.25", "0.3", "0.5", "0.6", "0.75", "0.9", "0.125"]
ASSESSMENT_WEIGHTS = ["1", "0.1", "0.2", "0.25", "0.3", "0.35", "0.4", "0.5", "0.6", "0.7",
                      "0.15", "2"]
FULL_SCORES = ["100", "100", "100", "50", "150", "10", "20", "37", "12.5", "5"]
CREDITS = ["1", "2", "3", "4", "0.5", "1.5", "2.5", "3.5", "6", "16"]


def number(text_or_fraction):
    """A JSON number whose literal is exactly the rational meant (checked)."""
    f = Fraction(text_or_fraction)
    if f.denominator == 1:
        return int(f)
    x = float(f)
    assert Fraction(repr(x)) == f, f"{f} has no short decimal literal"
    return x


def support_weight(rng):
    return rng.choice("HML") if rng.random() < 0.7 else number(rng.choice(SUPPORT_NUMBERS))


def random_score(rng, full):
    """A score in [0, full] on a grid of 1, 0.5 or 0.1, mostly 40–100 % of the full score."""
    step = Fraction(rng.choice(["1", "1", "0.5", "0.1"]))
    r = rng.random()
    if r < 0.04:
        return Fraction(0)
    if r < 0.08:
        return full
    share = Fraction(rng.triangular(0.2, 1.0, 0.75)).limit_denominator(1000)
    return min(full, (share * full / step).__floor__() * step)


def generate(seed, index):
    """One random dossier and the cut-offs to evaluate it with."""
    rng = random.Random(f"{seed}/{index}")
    threshold, good = rng.choice(CUT_OFFS)

    items, points = [], []
    for i in range(1, rng.randint(1, 5) + 1):
        item_points = []
        for j in range(1, rng.randint(1 if rng.random() < 0.9 else 0, 4) + 1):
            item_points.append({"id": f"S{i}.{j}", "text": f"标准点 {i}.{j}"})
            points.append(f"S{i}.{j}")
        items.append({"id": f"S{i}", "text": f"学校标准 {i}",
                      "covers": rng.sample([f"G{g}" for g in range(1, 12)], rng.randint(0, 3)),
                      "points": item_points})
    unsupported = set(rng.sample(points, len(points) // 4)) if points else set()
    supportable = [p for p in points if p not in unsupported]

    courses, assessment_ids = [], []
    for c in range(1, rng.randint(1, 8) + 1):
        cid = f"C{c}"
        supported = []
        if supportable and rng.random() > 0.1:  # else an orphan course
            supported = rng.sample(supportable, rng.randint(1, min(4, len(supportable))))
        course = {"id": cid, "name": f"课程 {c}", "kind": "course", "core": rng.random() < 0.5,
                  "credits": number(rng.choice(CREDITS)),
                  "supports": [{"point": p, "weight": support_weight(rng)} for p in supported]}
        assessments = []
        if rng.random() > 0.1:  # else a course without assessment
            for a in range(1, rng.randint(1, 4) + 1):
                measured = [p for p in supported if rng.random() < 0.55]
                if points and rng.random() < 0.12:  # measures a point the course doesn't support
                    extra = rng.choice(points)
                    if extra not in measured:
                        measured.append(extra)
                rng.shuffle(measured)
                aid = f"{cid}-A{a}"
                assessment_ids.append(aid)
                assessments.append({
                    "id": aid, "name": f"考核 {a}",
                    "kind": rng.choice(["exam", "report", "project", "lab", "defense"]),
                    "weight": number(rng.choice(ASSESSMENT_WEIGHTS)),
                    "full_score": number(rng.choice(FULL_SCORES)),
                    "points": [{"point": p, "weight": support_weight(rng)} for p in measured]})
        course["assessments"] = assessments
        courses.append(course)

    students = [{"id": f"ST{s:03d}", "name": f"学生{s}", "plan_member": rng.random() < 0.5,
                 "foreign": rng.random() < 0.1}
                for s in range(1, rng.randint(1, 25) + 1)]

    dossier = {"format": "zhuoyue.dossier/1",
               "program": {"id": f"RND-{seed}-{index}", "name": "随机专业"},
               "school_standard": items, "courses": courses, "students": students}

    shape = rng.random()
    if shape < 0.08:
        return dossier, threshold, good  # no scores table: every value null
    if shape < 0.12:
        dossier["scores"] = []  # an empty one
        return dossier, threshold, good

    full_of = {a["id"]: Fraction(a["full_score"]) for c in courses for a in c["assessments"]}
    # Every score of the dossier at one cut-off: every value is exactly that cut-off.
    flat = rng.choice([threshold, good, "0"]) if rng.random() < 0.12 else None
    scores = []
    for aid in assessment_ids:
        if rng.random() < 0.15:
            continue  # an assessment without scores
        presence = rng.choice([1.0, 0.9, 0.7, 0.4])
        flat_assessment = rng.choice([threshold, good, "0"]) if rng.random() < 0.12 else flat
        for st in students:
            if rng.random() >= presence:
                continue  # a missing score
            full = full_of[aid]
            score = (Fraction(flat_assessment) * full if flat_assessment
                     else random_score(rng, full))
            scores.append({"student": st["id"], "assessment": aid, "score": score})
    # Students whose every score is exactly the threshold: their own values are the threshold.
    at_threshold = {st["id"] for st in rng.sample(students, min(len(students),
                                                                 rng.randint(0, 2)))}
    for row in scores:
        if row["student"] in at_threshold:
            row["score"] = Fraction(threshold) * full_of[row["assessment"]]
    rng.shuffle(scores)
    for row in scores:
        row["score"] = number(row["score"])
    dossier["scores"] = scores
    return dossier, threshold, good


# ---- Comparison --------------------------------------------------------------------------


def parse_exact(text):
    if "/" in text:
        n, d = text.split("/")
        return Fraction(int(n), int(d))
    return Fraction(text)


class Comparer:
    def __init__(self, tolerance):
        self.tolerance = tolerance
        self.max_diff = 0.0  # over the numbers that agree
        self.max_diff_all = 0.0  # over all of them, mismatches included
        self.numbers = 0
        self.exacts = 0  # non-empty `exact` strings checked for equality
        self.inexact = 0  # values with an empty `exact`
        self.diffs = []

    def number(self, where, engine, expected):
        """expected: Fraction or None."""
        if expected is None or engine is None:
            if expected is not None or engine is not None:
                self.diffs.append((where, engine, expected))
            return
        self.numbers += 1
        diff = abs(float(engine) - float(expected))
        self.max_diff_all = max(self.max_diff_all, diff)
        if diff <= self.tolerance:
            self.max_diff = max(self.max_diff, diff)
        else:
            self.diffs.append((where, engine, expected))

    def exact(self, where, engine, expected):
        """`exact` is empty when the value is null or inexact; when given it must be the
        oracle's rational itself."""
        if engine in (None, ""):
            if expected is not None:
                self.inexact += 1
            return
        self.exacts += 1
        if expected is None or parse_exact(engine) != expected:
            self.diffs.append((where, engine, expected))

    def same(self, where, engine, expected):
        if engine != expected:
            self.diffs.append((where, engine, expected))

    def attainment(self, engine, expected, settings):
        self.same("computed", engine.get("computed"), expected["computed"])
        self.rows("points", engine.get("points", []), expected["points"], "id",
                  self.point)
        self.rows("items", engine.get("items", []), expected["items"], "id", self.item)
        minimum = settings["attainment_courses"] == "minimum"
        self.rows("course_points", engine.get("course_points", []),
                  expected["course_points"], ("course", "point"),
                  lambda w, e, x: self.course_point(w, e, x, minimum))

    def rows(self, name, engine, expected, key, compare):
        def key_of(row):
            return tuple(row.get(k) for k in key) if isinstance(key, tuple) else row.get(key)

        ekeys, xkeys = [key_of(r) for r in engine], [key_of(r) for r in expected]
        if ekeys != xkeys:
            self.diffs.append((f"{name} (rows)", ekeys, xkeys))
            return
        for e, x in zip(engine, expected):
            k = key_of(x)
            compare(f"{name}[{'×'.join(k) if isinstance(k, tuple) else k}]", e, x)

    def point(self, where, e, x):
        self.number(f"{where}.value", e.get("value"), x["value"])
        self.exact(f"{where}.exact", e.get("exact"), x["value"])
        self.same(f"{where}.item", e.get("item"), x["item"])
        self.same(f"{where}.courses", e.get("courses"), x["courses"])
        self.same(f"{where}.students", e.get("students"), x["students"])
        self.same(f"{where}.students_at_threshold", e.get("students_at_threshold"),
                  x["students_at_threshold"])
        self.number(f"{where}.share_at_threshold", e.get("share_at_threshold"),
                    x["share_at_threshold"])
        self.same(f"{where}.level", e.get("level"), x["level"])

    def item(self, where, e, x):
        self.number(f"{where}.value", e.get("value"), x["value"])
        self.exact(f"{where}.exact", e.get("exact"), x["value"])
        self.same(f"{where}.points", e.get("points"), x["points"])
        self.same(f"{where}.level", e.get("level"), x["level"])

    def course_point(self, where, e, x, minimum):
        self.number(f"{where}.value", e.get("value"), x["value"])
        self.exact(f"{where}.exact", e.get("exact"), x["value"])
        if not minimum:  # the weight "in the point's mean": there is no mean under minimum
            self.number(f"{where}.weight", e.get("weight"), x["weight"])
        self.same(f"{where}.assessments", e.get("assessments"), x["assessments"])
        self.same(f"{where}.students", e.get("students"), x["students"])
        self.same(f"{where}.scores", e.get("scores"), x["scores"])


def show(value):
    if isinstance(value, Fraction):
        return f"{float(value)!r} (= {value})"
    return json.dumps(value, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zy", required=True, help="the zy binary")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dossiers", type=int, default=40)
    parser.add_argument("--only", type=int, help="check only dossier number ONLY")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    parser.add_argument("--save-dir", help="where to write every generated dossier "
                        "(default: a temporary folder, kept only for failing dossiers)")
    parser.add_argument("--max-shown", type=int, default=15,
                        help="differences printed per evaluation")
    args = parser.parse_args()

    save_dir = args.save_dir or tempfile.mkdtemp(prefix="zy-attain-cross-check-")
    os.makedirs(save_dir, exist_ok=True)
    indices = [args.only] if args.only is not None else range(args.dossiers)
    comparer = Comparer(args.tolerance)
    evaluations = failed = 0
    failing_files = []
    counts = {"points": 0, "items": 0, "course_points": 0}
    # How often the edge cases occur (so that a generator change cannot silently drop them).
    edges = {"null points": 0, "points exactly at a cut-off": 0,
             "students exactly at the threshold": 0, "zero values": 0,
             "evaluations without scores": 0}
    for index in indices:
        dossier, threshold, good = generate(args.seed, index)
        path = os.path.join(save_dir, f"dossier-{args.seed}-{index}.json")
        text = json.dumps(dossier, ensure_ascii=False, indent=1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        parsed = oracle.load_dossier(text)
        dossier_failed = False
        for students, courses, items, weights in METHODS:
            settings = {"attainment_students": students, "attainment_courses": courses,
                        "attainment_items": items, "attainment_weights": weights,
                        "attainment_threshold": threshold, "attainment_good": good}
            params = [a for k, v in settings.items() for a in ("--param", f"{k}={v}")]
            command = [args.zy, "eval", path, "--format", "json"] + params
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"zy failed (exit {run.returncode}) on {path}:\n  {' '.join(command)}\n"
                      f"{run.stderr}", file=sys.stderr)
                return 2
            engine = json.loads(run.stdout)["attainment"]
            expected = oracle.attainment(parsed, settings)
            evaluations += 1
            for k in counts:
                counts[k] += len(expected[k])
            edges["evaluations without scores"] += not expected["computed"]
            edges["zero values"] += sum(r["value"] == 0 for k in ("points", "course_points")
                                        for r in expected[k])
            for p in expected["points"]:
                edges["null points"] += p["value"] is None
                edges["points exactly at a cut-off"] += p["value"] in (Fraction(threshold),
                                                                       Fraction(good))
                edges["students exactly at the threshold"] += p["students_exactly_at_threshold"]
            comparer.diffs = []
            comparer.attainment(engine, expected, settings)
            if comparer.diffs:
                failed += 1
                dossier_failed = True
                print(f"MISMATCH dossier {index} ({path}), method {students}/{courses}/"
                      f"{items}/{weights}, threshold {threshold}, good {good}: "
                      f"{len(comparer.diffs)} differences")
                for where, e, x in comparer.diffs[:args.max_shown]:
                    print(f"  {where}: zy {show(e)}, oracle {show(x)}")
                if len(comparer.diffs) > args.max_shown:
                    print(f"  … and {len(comparer.diffs) - args.max_shown} more")
                print(f"  reproduce: {' '.join(command)}\n"
                      f"             python3 {os.path.abspath(oracle.__file__)} {path} "
                      f"{' '.join(params)}")
        if dossier_failed:
            failing_files.append(path)
        elif not args.save_dir:
            os.remove(path)
    if not args.save_dir and not failing_files:
        os.rmdir(save_dir)

    print(f"{len(indices)} dossiers × {len(METHODS)} methods = {evaluations} evaluations "
          f"(seed {args.seed}); compared {counts['points']} points, {counts['items']} items, "
          f"{counts['course_points']} course × point values, {comparer.numbers} numbers and {comparer.exacts} exact fractions "
          f"({comparer.inexact} values without one); "
          f"max |zy − oracle| = {comparer.max_diff_all:.3g}"
          + (f" ({comparer.max_diff:.3g} over the numbers within tolerance)" if failed else ""))
    print("edge cases, over all evaluations: "
          + ", ".join(f"{v} {k}" for k, v in edges.items()))
    if failed:
        print(f"FAILED: {failed} of {evaluations} evaluations differ; failing dossiers: "
              f"{' '.join(failing_files)}")
        return 1
    print("OK: zy agrees with the oracle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
