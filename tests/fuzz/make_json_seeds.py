#!/usr/bin/env python3
"""Writes the JSON seeds of the fuzz targets (docs/hardening.md, "Fuzzing"):

    tests/fuzz/make_json_seeds.py

- corpus/fuzz_evaluate/: the three example dossiers (examples/*.json, the golden reports'
  inputs) without their blanks, and small copies of each that still load: the first few
  courses, teachers and students, with the references to what was cut dropped. The fuzzer
  mutates small inputs far faster (a run evaluates the whole dossier).
- corpus/fuzz_json_dossier/: small dossiers written here, each for a path of the loader
  (nulls, absent and unknown fields, wrong types, bad references, odd numbers and strings).

Both JSON targets start from both folders. Python standard library only; rerun after an
example changes and commit the result.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def compact(dossier):
    return json.dumps(dossier, ensure_ascii=False, separators=(",", ":")) + "\n"


def trimmed(dossier, courses, teachers, students):
    """The dossier with its first `courses`, `teachers` and `students`, and what refers to them."""
    d = json.loads(json.dumps(dossier))
    d["courses"] = d["courses"][:courses]
    d["teachers"] = d["teachers"][:teachers]
    d["students"] = d["students"][:students]
    kept_teachers = {t["id"] for t in d["teachers"]}
    kept_students = {s["id"] for s in d["students"]}
    assessments = set()
    for course in d["courses"]:
        if "lecturers" in course:
            course["lecturers"] = [t for t in course["lecturers"] if t in kept_teachers]
        for assessment in course.get("assessments", []):
            assessments.add(assessment["id"])
    for student in d["students"]:
        thesis = student.get("thesis", {})
        if thesis.get("school_supervisor") not in kept_teachers:
            thesis.pop("school_supervisor", None)
    for center in d.get("enterprise_centers", []):
        if "mentors" in center:
            center["mentors"] = [t for t in center["mentors"] if t in kept_teachers]
    if "scores" in d:
        d["scores"] = [s for s in d["scores"]
                       if s["student"] in kept_students and s["assessment"] in assessments]
    return d


# Small dossiers for the loader's paths; each loads or is refused with located errors.
HANDWRITTEN = {
    "minimal.json": {"format": "zhuoyue.dossier/1", "program": {"id": "p"}},
    "nulls.json": {
        "format": "zhuoyue.dossier/1",
        "program": {"id": "p", "name": None, "accreditation": {"status": None,
                                                              "validity_years": None},
                    "previous_evaluation": None},
        "courses": None, "teachers": [], "students": [None],
    },
    "one_of_each.json": {
        "format": "zhuoyue.dossier/1",
        "program": {"id": "p", "evaluation_year": 2016, "plan_joined": 2010,
                    "accreditation": {"status": "passed", "validity_years": 6, "year": 2016},
                    "previous_evaluation": {"year": 2012, "result": "met"},
                    "standard_contributors": [{"name": "a", "org": "b", "kind": "faculty"}]},
        "industry_standard": [{"id": "I1", "text": "t"}],
        "school_standard": [{"id": "S1", "text": "t", "covers": ["G1", "I1"],
                             "points": [{"id": "S1.1", "text": "t"}]}],
        "teachers": [{"id": "T1", "role": "part_time", "industry_years": 6,
                      "secondment": {"planned_months": 12, "completed_months": 3},
                      "international": ["phd_abroad"], "workload": 1.5, "trained": True}],
        "courses": [{"id": "C1", "kind": "thesis", "core": True, "credits": 0.5,
                     "lecturers": ["T1"], "methods": ["project", "other"],
                     "venue": "enterprise", "language": "bilingual",
                     "supports": [{"point": "S1.1", "weight": "H"}],
                     "assessments": [{"id": "A1", "kind": "defense", "weight": 1,
                                      "full_score": 100,
                                      "points": [{"point": "S1.1", "weight": 0.5}]}]}],
        "students": [{"id": "ST1", "cohort": 2015, "plan_member": True, "enterprise_weeks": 40,
                      "thesis": {"topic_source": "engineering_practice", "venue": "enterprise",
                                 "school_supervisor": "T1"}}],
        "scores": [{"student": "ST1", "assessment": "A1", "score": 61.5}],
        "enterprise_centers": [{"id": "E1", "agreement": {"signed": True, "years": 3},
                                "mentors": ["T1"]}],
        "international": {"cooperation": [{"kind": "staged", "partner": "x", "since": 2012}],
                          "other": ["y"]},
        "support": {"policies": [{"id": "P1", "topics": ["curriculum"]}],
                    "funding": [{"year": 2015, "amount": 1e3, "purposes": []}]},
        "materials": [{"requirement": 4, "item": 2, "title": "m"}],
        "judgements": [{"criterion": "3.2", "verdict": "not_met", "requirement": "3",
                        "distinction": False}],
    },
    "wrong_types.json": {
        "format": "zhuoyue.dossier/1",
        "program": {"id": 7, "plan_joined": "2010", "accreditation": []},
        "courses": [{"id": "C1", "core": "yes", "credits": -1, "kind": "seminar",
                     "lecturers": "T1", "supports": [{"point": "S9", "weight": 1.5}]}],
        "teachers": {"id": "T1"},
        "unknown_table": [1, 2, 3],
    },
    "bad_references.json": {
        "format": "zhuoyue.dossier/1",
        "program": {"id": "p"},
        "courses": [{"id": "C1", "lecturers": ["T404"]}, {"id": "C1"}],
        "students": [{"id": "ST1", "thesis": {"school_supervisor": "T404"}}],
        "scores": [{"student": "ST404", "assessment": "A404", "score": 1}],
    },
    "other_format.json": {"format": "zhuoyue.report/1", "program": "p"},
}

# Texts no JSON library writes: odd numbers, escapes, duplicate keys, deep nesting.
RAW = {
    "numbers.json": '{"format":"zhuoyue.dossier/1","program":{"id":"p","plan_joined":1e999,'
                    '"evaluation_year":-0,"first_cohort_graduation":0.1e-400},'
                    '"teachers":[{"id":"T1","workload":123456789012345678901234567890.5,'
                    '"industry_years":1E+2}]}\n',
    "escapes.json": '{"format":"zhuoyue.dossier/1","program":{"id":"\\u0000\\ud800",'
                    '"name":"\\u4e2d\\"\\\\\\/\\b\\f\\n\\r\\t"}}\n',
    "duplicate_keys.json": '{"format":"zhuoyue.dossier/1","program":{"id":"a","id":"b"},'
                           '"program":{}}\n',
    "deep.json": '{"format":"zhuoyue.dossier/1","program":{"id":"p"},"x":'
                 + "[" * 200 + "]" * 200 + "}\n",
    "truncated.json": '{"format":"zhuoyue.dossier/1","program":{"id":"p","name":"\u4e2d',
    "bom.json": "\ufeff" + '{"format":"zhuoyue.dossier/1","program":{"id":"p"}}\n',
}


def write(folder, name, text):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as out:
        out.write(text)


def main():
    evaluate = os.path.join(HERE, "corpus", "fuzz_evaluate")
    loader = os.path.join(HERE, "corpus", "fuzz_json_dossier")
    for example, sizes in (("compliant", (4, 5, 3)), ("failing", (3, 4, 4)),
                           ("incomplete", (3, 3, 2))):
        with open(os.path.join(ROOT, "examples", example + ".json"), encoding="utf-8") as f:
            dossier = json.load(f)
        write(evaluate, example + ".json", compact(dossier))
        write(evaluate, example + "_small.json", compact(trimmed(dossier, *sizes)))
    for name, dossier in HANDWRITTEN.items():
        write(loader, name, compact(dossier))
    for name, text in RAW.items():
        write(loader, name, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
