#!/usr/bin/env python3
"""An independent implementation of attainment (达成度), in exact rationals.

Written from shared/spec/criteria.md (section "Attainment" and line 7 of "Semantics pinned
down") and docs/report.md (section "Attainment") only — not from lib/attain — so that
tests/attain/cross_check.py can compare the engine against it.

    value(c, p) = Σ_a w_a · (mean score of a ÷ full score of a) / Σ_a w_a
        over the assessments a of course c that measure p and have ≥ 1 score;
        w_a = assessment weight × its weight for p (H/M/L = 3/2/1, or the number);
    point(p)    = Σ_c W_c · value(c, p) / Σ_c W_c over the courses supporting p that have a
        value (W_c = support weight, H/M/L = 3/2/1 or the number; or the course's credits),
        or the minimum of value(c, p) over them (attainment_courses = minimum);
    item(s)     = the minimum (or the mean) over its points that have a value.

per_student: the same two steps on each student's own scores (an assessment the student has
no score in is left out), then the mean over the students that have a value. The
per-student point values always give share_at_threshold (≥ threshold, compared exactly).

Readings of the docs where they leave room (stated so a disagreement can be judged):
  * Under per_student, value(c, p) in `course_points` is the mean over the students of
    their own value(c, p) (docs/report.md step 4: "computes 1–2 from each student's own
    scores and takes the mean over the students").
  * The per-student values behind share_at_threshold use the selected course combination
    (weighted mean or minimum) and course weights.
  * A course that measures a point but does not support it does not enter the point
    ("over its supporting courses"; course_points lists supports only).
  * Items aggregate the point values (step 3 is not per student).
  * Levels: good if value ≥ good, else attained if value ≥ threshold, else not_attained;
    unknown for null. Items get levels the same way.

Usage as a program: oracle.py DOSSIER.json [--param name=value ...] prints the oracle's
attainment as JSON (values as decimals and as exact fractions).
"""

import argparse
import json
import sys
from fractions import Fraction

HML = {"H": Fraction(3), "M": Fraction(2), "L": Fraction(1)}

DEFAULTS = {
    "attainment_students": "cohort",
    "attainment_courses": "weighted_mean",
    "attainment_items": "minimum",
    "attainment_weights": "support",
    "attainment_threshold": "0.6",
    "attainment_good": "0.8",
}


def load_dossier(text):
    """Parses dossier JSON with every number exact (a decimal literal is its rational)."""
    return json.loads(text, parse_float=Fraction, parse_int=Fraction)


def weight_value(w):
    if isinstance(w, str):
        return HML[w]
    return Fraction(w)


def level_of(value, threshold, good):
    if value is None:
        return "unknown"
    if value >= good:
        return "good"
    if value >= threshold:
        return "attained"
    return "not_attained"


def combine(pairs, how):
    """pairs: [(weight, value)], non-empty. Weighted mean or minimum."""
    if how == "minimum":
        return min(v for _, v in pairs)
    total = sum(w for w, _ in pairs)
    return sum(w * v for w, v in pairs) / total


def mean(values):
    return sum(values, Fraction(0)) / len(values)


def attainment(dossier, params=None):
    """Returns the attainment of `dossier` (parsed by load_dossier) under `params`
    (attainment_* name → text, as on the command line). Values are Fractions or None."""
    settings = dict(DEFAULTS)
    settings.update(params or {})
    per_student = settings["attainment_students"] == "per_student"
    courses_how = settings["attainment_courses"]
    items_how = settings["attainment_items"]
    by_credits = settings["attainment_weights"] == "credits"
    threshold = Fraction(settings["attainment_threshold"])
    good = Fraction(settings["attainment_good"])
    assert settings["attainment_students"] in ("cohort", "per_student")
    assert courses_how in ("weighted_mean", "minimum")
    assert items_how in ("minimum", "mean")
    assert settings["attainment_weights"] in ("support", "credits")

    computed = dossier.get("scores") is not None
    scores = {}  # assessment id → {student id: score}
    for row in dossier.get("scores") or []:
        scores.setdefault(row["assessment"], {})[row["student"]] = Fraction(row["score"])

    # Every (course, point) support, dossier order, with its contributing assessments.
    course_points = []
    supports_of = {}  # point id → [course_point]
    for course in dossier.get("courses") or []:
        for support in course.get("supports") or []:
            point = support["point"]
            contributing = []  # (w_a, full score, {student: score})
            names = []
            if computed:
                for a in course.get("assessments") or []:
                    measured = [m for m in a.get("points") or [] if m["point"] == point]
                    scored = scores.get(a["id"], {})
                    if not measured or not scored:
                        continue
                    w = Fraction(a["weight"]) * weight_value(measured[0]["weight"])
                    contributing.append((w, Fraction(a["full_score"]), scored))
                    names.append(a["id"])
            if by_credits:
                weight = Fraction(course["credits"])
            else:
                weight = weight_value(support["weight"])
            cp = {
                "course": course["id"],
                "point": point,
                "weight": weight,
                "assessments": names,
                "contributing": contributing,
            }
            # Cohort value: each assessment's mean score.
            if contributing:
                cp["cohort"] = sum(
                    w * mean(list(s.values())) / full for w, full, s in contributing
                ) / sum(w for w, _, _ in contributing)
            else:
                cp["cohort"] = None
            # Per-student values: only the assessments the student has a score in.
            students = {}
            for w, full, s in contributing:
                for student, score in s.items():
                    num, den = students.get(student, (Fraction(0), Fraction(0)))
                    students[student] = (num + w * score / full, den + w)
            cp["per_student"] = {st: num / den for st, (num, den) in students.items()}
            cp["students"] = len(students)
            cp["scores"] = sum(len(s) for _, _, s in contributing)
            if per_student:
                cp["value"] = mean(list(cp["per_student"].values())) if students else None
            else:
                cp["value"] = cp["cohort"]
            course_points.append(cp)
            supports_of.setdefault(point, []).append(cp)

    points = []
    for item in dossier.get("school_standard") or []:
        for p in item.get("points") or []:
            cps = [cp for cp in supports_of.get(p["id"], []) if cp["cohort"] is not None]
            students = {}
            for cp in cps:
                for student, v in cp["per_student"].items():
                    students.setdefault(student, []).append((cp["weight"], v))
            per_student_values = [combine(pairs, courses_how) for pairs in students.values()]
            if not cps:
                value = None
            elif per_student:
                value = mean(per_student_values)
            else:
                value = combine([(cp["weight"], cp["cohort"]) for cp in cps], courses_how)
            at = sum(1 for v in per_student_values if v >= threshold)
            exactly_at = sum(1 for v in per_student_values if v == threshold)
            points.append({
                "id": p["id"],
                "item": item["id"],
                "value": value,
                "courses": len(cps),
                "students": len(students),
                "students_at_threshold": at,
                "share_at_threshold": Fraction(at, len(students)) if students else None,
                "level": level_of(value, threshold, good),
                "students_exactly_at_threshold": exactly_at,  # not reported by zy
            })

    items = []
    for item in dossier.get("school_standard") or []:
        ids = {p["id"] for p in item.get("points") or []}
        values = [p["value"] for p in points if p["id"] in ids and p["value"] is not None]
        if not values:
            value = None
        elif items_how == "minimum":
            value = min(values)
        else:
            value = mean(values)
        items.append({
            "id": item["id"],
            "value": value,
            "points": len(values),
            "level": level_of(value, threshold, good),
        })

    return {
        "computed": computed,
        "points": points,
        "items": items,
        "course_points": [
            {k: cp[k] for k in ("course", "point", "value", "weight", "assessments",
                                "students", "scores")}
            for cp in course_points
        ],
    }


def to_json(value):
    if isinstance(value, Fraction):
        return {"value": float(value), "exact": str(value)}
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dossier")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    params = dict(p.split("=", 1) for p in args.param)
    with open(args.dossier, encoding="utf-8") as f:
        dossier = load_dossier(f.read())
    json.dump(to_json(attainment(dossier, params)), sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
