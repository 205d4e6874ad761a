#!/usr/bin/env python3
"""Writes a zhuoyue.dossier/1 JSON dossier as a CSV bundle (docs/dossier.md, "CSV bundle").

    tools/json_to_csv.py examples/failing.json out/failing/

One CSV file per table, named after it: arrays of objects become tables (nested ones with
their parent key column: supports.csv has `course`), nested objects are flattened with `.`,
lists of values are joined with `;`, numbers keep their literal text, JSON null is written
`null`, an absent value is an empty cell. A table absent from the dossier gets no file; an
empty one a header-only file. Used by the tests to check that a bundle evaluates exactly as
the JSON it came from, and by anyone moving a dossier into a spreadsheet.
"""
import csv
import json
import os
import sys

# Arrays nested in rows: (parent table, array key) -> (file, parent key column).
NESTED = {
    ("school_standard", "points"): ("points", "school_standard"),
    ("courses", "supports"): ("supports", "course"),
    ("courses", "assessments"): ("assessments", "course"),
    ("assessments", "points"): ("assessment_points", "assessment"),
}
SINGLETONS = ("program", "international", "support")


class Literal(str):
    """A number as written in the JSON text."""


class EmptyText(str):
    """Empty text, written `""` (an unquoted empty cell is an absent value)."""


def cell(value):
    if value is None:
        return "null"
    if isinstance(value, str) and value == "" and not isinstance(value, Literal):
        return EmptyText()
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(cell(v) for v in value)
    return str(value)


def quote(text):
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def flatten(row, prefix, out, children, table):
    for key, value in row.items():
        name = prefix + key
        if isinstance(value, list) and any(isinstance(v, dict) for v in value):
            children.append((key, value))
        elif isinstance(value, dict):
            flatten(value, name + ".", out, children, table)
        else:
            out[name] = cell(value)


class Bundle:
    def __init__(self):
        self.tables = {}  # file name -> list of row dicts (ordered columns)

    def add_rows(self, table, rows, parent_key=None, parent_id=None):
        target = self.tables.setdefault(table, [])
        for row in rows:
            flat = {}
            if parent_key is not None:
                flat[parent_key] = parent_id
            children = []
            flatten(row, "", flat, children, table)
            target.append(flat)
            for key, child_rows in children:
                child, key_column = NESTED.get((table, key), (key, None))
                self.add_rows(child, child_rows, key_column,
                              row.get("id") if key_column else None)
        # Arrays inside a row that is present but empty still make their (header-only) file.

    def write(self, folder):
        os.makedirs(folder, exist_ok=True)
        for table, rows in self.tables.items():
            columns = []
            for row in rows:
                for column in row:
                    if column not in columns:
                        columns.append(column)
            with open(os.path.join(folder, table + ".csv"), "w", encoding="utf-8",
                      newline="") as f:
                writer = csv.writer(f, lineterminator="\r\n")
                writer.writerow(columns)
                for row in rows:
                    cells = [row.get(c, "") for c in columns]
                    # csv writes "" as nothing; write the row by hand when it holds one.
                    if any(isinstance(v, EmptyText) for v in cells):
                        line = ",".join('""' if isinstance(v, EmptyText) else quote(v)
                                        for v in cells)
                        f.write(line + "\r\n")
                    else:
                        writer.writerow(cells)


def convert(dossier):
    bundle = Bundle()
    for key, value in dossier.items():
        if key == "format":
            continue
        if key in SINGLETONS:
            own = {k: v for k, v in value.items()
                   if not (isinstance(v, list) and any(isinstance(x, dict) for x in v))}
            # `international` and `support` may carry only their tables.
            if key == "program" or own:
                bundle.add_rows(key, [own])
            for child, rows in value.items():
                if isinstance(rows, list) and any(isinstance(x, dict) for x in rows):
                    bundle.add_rows(child, rows)
        else:
            bundle.add_rows(key, value)
    return bundle


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: json_to_csv.py DOSSIER.json FOLDER")
    with open(sys.argv[1], encoding="utf-8") as f:
        dossier = json.load(f, parse_float=Literal, parse_int=Literal)
    convert(dossier).write(sys.argv[2])


if __name__ == "__main__":
    main()
