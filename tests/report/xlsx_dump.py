"""Dumps an XLSX workbook as JSON, for the tests of the XLSX renderer (xlsx_test.cc).

usage: python3 xlsx_dump.py WORKBOOK.xlsx

Prints {"sheets": [names in order], "cells": {sheet: {"A1": {"value", "type", "format",
"fill"}}}, "conditional": {sheet: [ranges]}, "merged": {sheet: [ranges]}}. Only cells with a
value are listed: an empty cell is absent. Reads with openpyxl (Debian: python3-openpyxl).
"""
import json
import sys

import openpyxl


def main(path):
    workbook = openpyxl.load_workbook(path)
    out = {"sheets": workbook.sheetnames, "cells": {}, "conditional": {}, "merged": {}}
    for sheet in workbook.worksheets:
        cells = {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                entry = {"value": cell.value, "type": cell.data_type,
                         "format": cell.number_format}
                if cell.fill is not None and cell.fill.fill_type == "solid":
                    entry["fill"] = str(cell.fill.fgColor.rgb)
                cells[cell.coordinate] = entry
        out["cells"][sheet.title] = cells
        out["conditional"][sheet.title] = [
            str(rng.sqref) for rng in sheet.conditional_formatting]
        out["merged"][sheet.title] = [str(rng) for rng in sheet.merged_cells.ranges]
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
