#!/usr/bin/env python3
"""Writes the seeds of fuzz_csv_bundle (docs/hardening.md, "Fuzzing") in its input form: a
whole bundle in one file, each CSV file after a line `=== NAME` (tests/fuzz/fuzz_csv_bundle.cc).

    tests/fuzz/make_csv_seeds.py                       # rewrite corpus/fuzz_csv_bundle/
    tests/fuzz/make_csv_seeds.py --pack FOLDER OUT     # one bundle folder into one input
    tests/fuzz/make_csv_seeds.py --unpack INPUT FOLDER # an input (a finding) back into a folder

The corpus: the example bundles (examples/bundles/*), the small JSON seeds of fuzz_evaluate
as bundles (through tools/json_to_csv.py), and a few small bundles written here for the
reader's paths (quotes, line ends, a BOM, ragged rows, unknown files, orphan children).
Python standard library only; rerun after an example changes and commit the result.
"""
import importlib.util
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(HERE, "corpus", "fuzz_csv_bundle")
MARK = b"=== "


def pack(folder):
    """The input holding every *.csv file of `folder`, in name order."""
    parts = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".csv"):
            with open(os.path.join(folder, name), "rb") as f:
                text = f.read()
            if not text.endswith(b"\n"):
                text += b"\n"  # the next `===` line must start a line
            parts.append(MARK + name.encode() + b"\n" + text)
    return b"".join(parts)


def unpack(data, folder):
    """The files of an input, as fuzz_csv_bundle splits it (the first of a name wins)."""
    os.makedirs(folder, exist_ok=True)
    files, current = {}, None
    for line in data.splitlines(keepends=True):
        if line.startswith(MARK):
            current = line[len(MARK):].rstrip(b"\r\n").decode("utf-8", "replace")
            current = None if current in files else current
            if current is not None:
                files[current] = b""
        elif current is not None:
            files[current] += line
    for name, text in files.items():
        safe = os.path.basename(name) or "_"
        with open(os.path.join(folder, safe), "wb") as f:
            f.write(text)


def json_to_csv():
    spec = importlib.util.spec_from_file_location(
        "json_to_csv", os.path.join(ROOT, "tools", "json_to_csv.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bundle_of_json(path, converter):
    with open(path, encoding="utf-8") as f:
        dossier = json.load(f, parse_float=converter.Literal, parse_int=converter.Literal)
    with tempfile.TemporaryDirectory() as folder:
        converter.convert(dossier).write(folder)
        return pack(folder)


# Small bundles for the reader's paths: name -> {file: text}.
HANDWRITTEN = {
    "quotes_and_line_ends.txt": {
        "program.csv": '\ufeffid,name,accreditation.status\r\np,"a ""quoted"", multi\nline name",'
                       'passed\r\n',
        "courses.csv": 'id,name,core,credits,lecturers,methods\nC1,"",TRUE,1.5,T1;T2,case;other\n'
                       'C2,,False,,,\n',
        "teachers.csv": "id,role,international\nT1,full_time,phd_abroad;abroad_1y\nT2,part_time,\n",
    },
    "children_and_references.txt": {
        "program.csv": "id\np\n",
        "school_standard.csv": "id,text,covers\nS1,t,G1;I1\n",
        "industry_standard.csv": "id,text\nI1,t\n",
        "points.csv": "school_standard,id,text\nS1,S1.1,t\nS9,S9.1,orphan\n",
        "courses.csv": "id,kind\nC1,thesis\n",
        "supports.csv": "course,point,weight\nC1,S1.1,H\nC1,S1.1,0.5\nC9,S1.1,L\n",
        "assessments.csv": "course,id,kind,weight,full_score\nC1,A1,exam,1,100\n",
        "assessment_points.csv": "assessment,point,weight\nA1,S1.1,M\n",
        "students.csv": "id,cohort,thesis.school_supervisor,thesis.venue\nST1,2015,T404,enterprise\n",
        "scores.csv": "student,assessment,score\nST1,A1,101\nST1,A404,1\n",
    },
    "malformed.txt": {
        "program.csv": "id,name\np,\"unterminated\n",
        "courses.csv": "id,name\nC1\nC2,b,c\n",
        "unknown.csv": "a,b\n1,2\n",
        "materials.txt": "requirement\n1\n",
        "judgements.csv": "",
    },
    "singletons.txt": {
        "program.csv": "id,previous_evaluation.year,previous_evaluation.result,accreditation.validity_years\n"
                       "p,2012,met,null\nq,,,\n",
        "international.csv": "other\nx;y\n",
        "cooperation.csv": "kind,partner,since\nstaged,x,2012\n",
        "policies.csv": "id,title,topics\nP1,t,curriculum;evaluation\n",
        "funding.csv": "year,amount,purposes\n2015,1e3,\n2016,-1,a\n",
    },
}


def main(argv):
    if len(argv) == 3 and argv[0] == "--pack":
        with open(argv[2], "wb") as f:
            f.write(pack(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] == "--unpack":
        with open(argv[1], "rb") as f:
            unpack(f.read(), argv[2])
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    os.makedirs(CORPUS, exist_ok=True)
    for example in ("compliant", "failing", "incomplete"):
        with open(os.path.join(CORPUS, example + ".txt"), "wb") as f:
            f.write(pack(os.path.join(ROOT, "examples", "bundles", example)))
    converter = json_to_csv()
    for example in ("compliant", "failing", "incomplete"):
        source = os.path.join(HERE, "corpus", "fuzz_evaluate", example + "_small.json")
        with open(os.path.join(CORPUS, example + "_small.txt"), "wb") as f:
            f.write(bundle_of_json(source, converter))
    source = os.path.join(HERE, "corpus", "fuzz_json_dossier", "one_of_each.json")
    with open(os.path.join(CORPUS, "one_of_each.txt"), "wb") as f:
        f.write(bundle_of_json(source, converter))
    for name, files in HANDWRITTEN.items():
        with open(os.path.join(CORPUS, name), "wb") as f:
            for file, text in files.items():
                f.write(MARK + file.encode() + b"\n" + text.encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
