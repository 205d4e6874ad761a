#!/usr/bin/env python3
"""Check the criteria test corpus (tests/criteria/cases/*.json).

For every case file: it parses; it has the documented shape (description, base, patch,
optional params, expect); its RFC 6902 patch (add/remove/replace) applies to its base; the
patched dossier still obeys the dossier format rules of shared/spec/dossier-v1.md (types,
closed value sets, numbers >= 0, unique ids, references that resolve, scores within full
score); and its `expect` only names known criteria, requirements, general points,
eligibility rules and coverage lists with well-formed values.

Usage: python3 tests/criteria/validate_cases.py [case.json ...]   (from the repo root or anywhere)
Exit status 0 when every case is valid, 1 otherwise. Also validates examples/*.json.
"""
import copy
import glob
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

CRITERIA = {
    "1": 4, "2": 7, "3": 7, "4": 8, "5": 5, "6": 11, "7": 3, "8": 4, "9": 9, "10": 6,
}
CRITERION_IDS = {"%s.%d" % (r, n) for r, k in CRITERIA.items() for n in range(1, k + 1)}
REQUIREMENT_IDS = set(CRITERIA)
GENERAL = {"G%d" % i for i in range(1, 12)}
ELIGIBILITY = {"eligibility.first_cohort_graduated", "eligibility.accreditation",
               "eligibility.reapplication"}
VERDICTS = {"met", "not_met", "pending"}
LEVELS = {"not_met", "met", "distinction", "pending"}
OVERALL = {"passed_and_met", "passed_not_met", "not_passed", "pending"}
COVERAGE = {"uncovered_points", "unassessed_points", "courses_without_assessment", "orphan_courses"}
PARAMS = {"research_learning_share", "min_part_time_share", "industry_course_count",
          "industry_years_min", "max_courses_per_teacher", "enterprise_weeks_min",
          "intl_faculty_share", "foreign_student_share", "attainment_threshold"}
MATERIAL_COUNTS = {1: 4, 2: 5, 3: 4, 4: 7, 5: 3, 6: 6, 7: 2, 8: 3, 9: 4, 10: 5}

# ---------------------------------------------------------------------------- JSON Patch

class PatchError(Exception):
    pass


def _tokens(path):
    if path == "":
        return []
    if not path.startswith("/"):
        raise PatchError("path %r does not start with '/'" % path)
    return [t.replace("~1", "/").replace("~0", "~") for t in path[1:].split("/")]


def _index(tok, length, allow_end):
    if tok == "-" and allow_end:
        return length
    if not tok.isdigit() or (tok != "0" and tok.startswith("0")):
        raise PatchError("bad array index %r" % tok)
    i = int(tok)
    if i > length or (i == length and not allow_end):
        raise PatchError("array index %d out of range (length %d)" % (i, length))
    return i


def apply_patch(doc, patch):
    doc = copy.deepcopy(doc)
    for n, op in enumerate(patch):
        if not isinstance(op, dict) or op.get("op") not in ("add", "remove", "replace"):
            raise PatchError("op %d: only add/remove/replace are allowed: %r" % (n, op))
        if "path" not in op or not isinstance(op["path"], str):
            raise PatchError("op %d: missing path" % n)
        if op["op"] != "remove" and "value" not in op:
            raise PatchError("op %d: missing value" % n)
        toks = _tokens(op["path"])
        if not toks:
            if op["op"] == "remove":
                raise PatchError("op %d: cannot remove the root" % n)
            doc = copy.deepcopy(op["value"])
            continue
        parent = doc
        for t in toks[:-1]:
            if isinstance(parent, list):
                parent = parent[_index(t, len(parent), False)]
            elif isinstance(parent, dict):
                if t not in parent:
                    raise PatchError("op %d: %s: no member %r" % (n, op["path"], t))
                parent = parent[t]
            else:
                raise PatchError("op %d: %s: not a container" % (n, op["path"]))
        last = toks[-1]
        try:
            if isinstance(parent, list):
                if op["op"] == "add":
                    parent.insert(_index(last, len(parent), True), copy.deepcopy(op["value"]))
                else:
                    i = _index(last, len(parent), False)
                    if op["op"] == "remove":
                        del parent[i]
                    else:
                        parent[i] = copy.deepcopy(op["value"])
            elif isinstance(parent, dict):
                if op["op"] != "add" and last not in parent:
                    raise PatchError("no member %r" % last)
                if op["op"] == "remove":
                    del parent[last]
                else:
                    parent[last] = copy.deepcopy(op["value"])
            else:
                raise PatchError("not a container")
        except PatchError as e:
            raise PatchError("op %d: %s: %s" % (n, op["path"], e))
    return doc

# ---------------------------------------------------------------------------- dossier rules

NUM, BOOL, STR, KEY, WEIGHT = "number", "bool", "string", "key", "weight"


def enum(*vals):
    return ("enum", set(vals))


def lst(t):
    return ("list", t)


def ref(*tables):
    return ("ref", tables)


def obj(fields):
    return ("object", fields)


def table(fields, name=None):
    return ("table", fields, name)


CONTRIB = table({"name": STR, "org": STR, "kind": enum("industry_expert", "faculty", "other")})
SCHEMA = {
    "format": STR,
    "program": obj({
        "id": STR, "name": STR, "university": STR, "major_code": STR, "field": STR,
        "plan_joined": NUM, "first_cohort_graduation": NUM, "evaluation_year": NUM,
        "accreditation": obj({"status": enum("passed", "failed", "pending"),
                              "validity_years": NUM, "year": NUM}),
        "previous_evaluation": obj({"year": NUM, "result": enum("met", "not_met")}),
        "standard_contributors": CONTRIB, "curriculum_contributors": CONTRIB,
    }),
    "industry_standard": table({"id": STR, "text": STR}),
    "school_standard": table({
        "id": STR, "text": STR, "covers": lst(ref("general_standard", "industry_standard")),
        "points": table({"id": STR, "text": STR}),
    }),
    "teachers": table({
        "id": STR, "name": STR, "role": enum("full_time", "part_time"), "employer": STR,
        "industry_years": NUM,
        "secondment": obj({"planned_months": NUM, "completed_months": NUM}),
        "international": lst(enum("foreign_national", "phd_abroad", "abroad_1y", "multinational_1y")),
        "workload": NUM, "trained": BOOL,
    }),
    "courses": table({
        "id": STR, "name": STR,
        "kind": enum("course", "lab", "practice", "internship", "design", "thesis"),
        "core": BOOL, "semester": NUM, "credits": NUM, "hours": NUM, "weeks": NUM,
        "venue": enum("school", "enterprise"), "in_enterprise_plan": BOOL, "industry_taught": BOOL,
        "lecturers": lst(ref("teachers")), "implementation": STR, "methods": lst(STR),
        "co_developed_with_industry": BOOL, "international_equivalent": BOOL,
        "language": enum("zh", "en", "bilingual"),
        "supports": table({"point": ref("points"), "weight": WEIGHT}),
        "assessments": table({
            "id": STR, "name": STR, "kind": STR, "weight": NUM, "full_score": NUM,
            "points": table({"point": ref("points"), "weight": WEIGHT}, "assessment_points"),
        }),
    }),
    "students": table({
        "id": STR, "name": STR, "cohort": NUM, "plan_member": BOOL, "foreign": BOOL,
        "enterprise_weeks": NUM, "exchange": BOOL,
        "thesis": obj({"title": STR,
                       "topic_source": enum("engineering_practice", "research", "other"),
                       "venue": enum("enterprise", "school"),
                       "school_supervisor": ref("teachers"), "enterprise_supervisor": STR}),
    }),
    "scores": table({"student": ref("students"), "assessment": ref("assessments"), "score": NUM}),
    "enterprise_centers": table({
        "id": STR, "name": STR, "company": STR,
        "agreement": obj({"signed": BOOL, "years": NUM}), "joint_plan": BOOL,
        "leaders": obj({"school": STR, "enterprise": STR}),
        "mentors": lst(ref("teachers")), "quality_assurance": BOOL, "facilities": STR,
    }),
    "international": obj({
        "cooperation": table({"kind": enum("exchange_credit", "joint_college", "staged"),
                              "partner": STR, "since": NUM}),
        "industry_partners": table({"name": STR, "country": STR, "kind": enum("company", "institute")}),
        "activities": table({"kind": STR, "year": NUM, "title": STR}),
        "other": lst(STR),
    }),
    "support": obj({
        "policies": table({"id": STR, "title": STR, "topics": lst(STR)}),
        "funding": table({"year": NUM, "amount": NUM, "purposes": lst(STR)}),
        "incentives": table({"id": STR, "title": STR, "targets": lst(STR)}),
    }),
    "materials": table({"requirement": KEY, "item": NUM, "title": STR, "uri": STR}),
    "judgements": table({"criterion": KEY, "verdict": enum("met", "not_met"), "by": STR,
                         "note": STR, "requirement": KEY, "distinction": BOOL}),
}
ID_TABLES = {"industry_standard", "school_standard", "teachers", "courses", "students",
             "enterprise_centers", "policies", "incentives"}


class Checker:
    def __init__(self):
        self.errors = []
        self.refs = []          # (pointer, target tables, id)
        self.ids = {}           # table -> {id: pointer}
        self.global_ids = {"points": {}, "assessments": {}}
        self.scores = []        # (pointer, assessment id, score)
        self.full_scores = {}

    def err(self, ptr, msg):
        self.errors.append("%s: %s" % (ptr or "/", msg))

    def check(self, t, v, ptr, name):
        if v is None:
            return
        if t == NUM:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                self.err(ptr, "expected a number")
            elif not math.isfinite(v) or v < 0:
                self.err(ptr, "number must be finite and >= 0")
        elif t == BOOL:
            if not isinstance(v, bool):
                self.err(ptr, "expected a boolean")
        elif t == STR:
            if not isinstance(v, str):
                self.err(ptr, "expected a string")
        elif t == KEY:
            if isinstance(v, bool) or not isinstance(v, (str, int)):
                self.err(ptr, "expected a string or an integer")
        elif t == WEIGHT:
            if isinstance(v, str):
                if v not in ("H", "M", "L"):
                    self.err(ptr, "weight must be H, M, L or a number in (0, 1]")
            elif isinstance(v, bool) or not isinstance(v, (int, float)) or not (0 < v <= 1):
                self.err(ptr, "weight must be H, M, L or a number in (0, 1]")
        elif t[0] == "enum":
            if v not in t[1]:
                self.err(ptr, "%r is not one of %s" % (v, sorted(t[1])))
        elif t[0] == "ref":
            if not isinstance(v, str):
                self.err(ptr, "expected an id string")
            else:
                self.refs.append((ptr, t[1], v))
        elif t[0] == "list":
            if not isinstance(v, list):
                self.err(ptr, "expected a list")
            else:
                for i, x in enumerate(v):
                    if x is None:
                        self.err("%s/%d" % (ptr, i), "null inside a list")
                    else:
                        self.check(t[1], x, "%s/%d" % (ptr, i), name)
        elif t[0] == "object":
            if not isinstance(v, dict):
                self.err(ptr, "expected an object")
            else:
                for k, ft in t[1].items():
                    if k in v:
                        self.check(ft, v[k], "%s/%s" % (ptr, k), k)
        elif t[0] == "table":
            name = t[2] or name
            if not isinstance(v, list):
                self.err(ptr, "expected an array")
                return
            for i, row in enumerate(v):
                rp = "%s/%d" % (ptr, i)
                if not isinstance(row, dict):
                    self.err(rp, "expected an object")
                    continue
                for k, ft in t[1].items():
                    if k in row:
                        self.check(ft, row[k], "%s/%s" % (rp, k), k)
                rid = row.get("id")
                if name in ID_TABLES or name in self.global_ids:
                    if not isinstance(rid, str) or not rid.strip():
                        self.err(rp + "/id", "missing id")
                    else:
                        seen = self.global_ids[name] if name in self.global_ids else self.ids.setdefault(name, {})
                        if rid in seen:
                            self.err(rp + "/id", "duplicate id %r (first at %s)" % (rid, seen[rid]))
                        else:
                            seen[rid] = rp
                if name == "assessments" and isinstance(rid, str):
                    self.full_scores[rid] = row.get("full_score")
                if name == "scores":
                    self.scores.append((rp, row.get("assessment"), row.get("score")))

    def run(self, d):
        if not isinstance(d, dict):
            self.err("", "a dossier is a JSON object")
            return self.errors
        if d.get("format") not in (None, "zhuoyue.dossier/1"):
            self.err("/format", "format must be zhuoyue.dossier/1")
        prog = d.get("program")
        if not isinstance(prog, dict) or not isinstance(prog.get("id"), str) or not prog["id"].strip():
            self.err("/program/id", "program.id is required")
        for k, t in SCHEMA.items():
            if k in d:
                self.check(t, d[k], "/" + k, k)
        # which tables are present (references into an absent table are not checked)
        present = {
            "teachers": "teachers" in d and d["teachers"] is not None,
            "students": "students" in d and d["students"] is not None,
            "industry_standard": "industry_standard" in d and d["industry_standard"] is not None,
            "general_standard": True,
        }
        ss = d.get("school_standard")
        present["points"] = isinstance(ss, list) and all(
            isinstance(r, dict) and isinstance(r.get("points"), list) for r in ss)
        cs = d.get("courses")
        present["assessments"] = isinstance(cs, list) and all(
            isinstance(r, dict) and isinstance(r.get("assessments"), list) for r in cs)
        known = {
            "teachers": set(self.ids.get("teachers", {})),
            "students": set(self.ids.get("students", {})),
            "industry_standard": set(self.ids.get("industry_standard", {})),
            "general_standard": GENERAL,
            "points": set(self.global_ids["points"]),
            "assessments": set(self.global_ids["assessments"]),
        }
        for ptr, tables, v in self.refs:
            if any(v in known[t] for t in tables):
                continue
            if not all(present[t] for t in tables):
                continue            # semantics 20: cannot be checked
            self.err(ptr, "reference to a missing id %r in %s" % (v, "/".join(tables)))
        for ptr, aid, score in self.scores:
            fs = self.full_scores.get(aid)
            if isinstance(score, (int, float)) and isinstance(fs, (int, float)) and score > fs:
                self.err(ptr + "/score", "score %s exceeds full_score %s" % (score, fs))
        for i, m in enumerate(d.get("materials") or []):
            if isinstance(m, dict):
                r = m.get("requirement")
                try:
                    r = int(r)
                except (TypeError, ValueError):
                    self.err("/materials/%d/requirement" % i, "not a requirement id")
                    continue
                if r not in MATERIAL_COUNTS:
                    self.err("/materials/%d/requirement" % i, "no requirement %r" % r)
        return self.errors


def check_dossier(d):
    return Checker().run(d)

# ---------------------------------------------------------------------------- case shape

def check_expect(exp):
    errs = []
    if not isinstance(exp, dict) or not exp:
        return ["expect must be a non-empty object"]
    for k, v in exp.items():
        if k in CRITERION_IDS or k in GENERAL:
            if not isinstance(v, dict) or v.get("verdict") not in VERDICTS:
                errs.append("expect[%s]: needs a verdict" % k)
                continue
            extra = set(v) - {"verdict", "witnesses"}
            if k in GENERAL:
                extra |= set(v) & {"witnesses"}
            if extra:
                errs.append("expect[%s]: unknown keys %s" % (k, sorted(extra)))
            w = v.get("witnesses")
            if w is not None and (not isinstance(w, list) or not all(isinstance(x, str) for x in w)):
                errs.append("expect[%s]: witnesses must be a list of strings" % k)
            if w and v["verdict"] == "met":
                errs.append("expect[%s]: a met criterion has no witnesses" % k)
        elif k in REQUIREMENT_IDS:
            if not isinstance(v, dict) or v.get("verdict") not in VERDICTS:
                errs.append("expect[%s]: needs a verdict" % k)
                continue
            if set(v) - {"verdict", "level"}:
                errs.append("expect[%s]: unknown keys" % k)
            if "level" in v and v["level"] not in LEVELS:
                errs.append("expect[%s]: bad level" % k)
            if "level" in v and v["verdict"] != "met" and v["level"] != v["verdict"]:
                errs.append("expect[%s]: level must equal the verdict unless met (semantics 9)" % k)
        elif k == "overall":
            if v not in OVERALL:
                errs.append("expect[overall]: bad value %r" % v)
        elif k in ELIGIBILITY:
            if v not in VERDICTS:
                errs.append("expect[%s]: bad verdict %r" % (k, v))
        elif k == "coverage":
            if not isinstance(v, dict) or not v or set(v) - COVERAGE:
                errs.append("expect[coverage]: keys must be among %s" % sorted(COVERAGE))
            else:
                for ck, cv in v.items():
                    if not isinstance(cv, list) or not all(isinstance(x, str) for x in cv):
                        errs.append("expect[coverage][%s]: must be a list of ids" % ck)
        else:
            errs.append("expect: unknown key %r" % k)
    return errs


def check_case(path):
    errs = []
    try:
        with open(path, encoding="utf-8") as fh:
            case = json.load(fh)
    except (OSError, ValueError) as e:
        return ["cannot parse: %s" % e]
    if not isinstance(case, dict):
        return ["a case is a JSON object"]
    extra = set(case) - {"description", "base", "patch", "params", "expect"}
    if extra:
        errs.append("unknown keys %s" % sorted(extra))
    if not isinstance(case.get("description"), str) or len(case["description"].strip()) < 10:
        errs.append("description missing")
    base = case.get("base")
    if not isinstance(base, str):
        return errs + ["base missing"]
    bpath = os.path.join(ROOT, base)
    try:
        with open(bpath, encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError) as e:
        return errs + ["base %s: %s" % (base, e)]
    patch = case.get("patch", [])
    if not isinstance(patch, list):
        return errs + ["patch must be a list"]
    try:
        doc = apply_patch(doc, patch)
    except PatchError as e:
        return errs + ["patch does not apply: %s" % e]
    errs += ["patched dossier " + e for e in check_dossier(doc)]
    params = case.get("params", {})
    if not isinstance(params, dict) or set(params) - PARAMS:
        errs.append("params: unknown names %s" % sorted(set(params) - PARAMS if isinstance(params, dict) else []))
    else:
        for k, v in params.items():
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                errs.append("params[%s]: must be a number" % k)
    errs += check_expect(case.get("expect"))
    return errs


def main(argv):
    files = argv[1:] or sorted(glob.glob(os.path.join(HERE, "cases", "*.json")))
    bad = 0
    for ex in sorted(glob.glob(os.path.join(ROOT, "examples", "*.json"))):
        with open(ex, encoding="utf-8") as fh:
            errs = check_dossier(json.load(fh))
        for e in errs:
            print("%s: %s" % (os.path.relpath(ex, ROOT), e))
        bad += bool(errs)
    for f in files:
        errs = check_case(f)
        for e in errs:
            print("%s: %s" % (os.path.relpath(f, ROOT), e))
        bad += bool(errs)
    print("%d case file(s) checked, %d with errors" % (len(files), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
