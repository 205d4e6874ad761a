"""The report of the example dossiers: the golden JSON, and the Python objects that mirror it."""
import json
import os
import pathlib
import zipfile

import pytest

import zhuoyue

ROOT = pathlib.Path(os.environ.get("ZHUOYUE_SOURCE_DIR", pathlib.Path(__file__).parents[3]))
EXAMPLES = ["compliant", "failing", "incomplete"]


@pytest.fixture(scope="module")
def pack():
    return zhuoyue.Pack.builtin()


def golden(name):
    return json.loads((ROOT / "tests" / "golden" / f"{name}.json").read_text(encoding="utf-8"))


def dossier_path(name):
    return ROOT / "examples" / f"{name}.json"


@pytest.mark.parametrize("name", EXAMPLES)
def test_to_dict_is_the_golden_report(pack, name):
    # The goldens come from `zy eval --format json examples/<name>.json`; nothing in them
    # depends on the path, so the absolute path gives the same report.
    assert pack.evaluate(dossier_path(name)).to_dict() == golden(name)


@pytest.mark.parametrize("name", EXAMPLES)
def test_path_json_text_and_dict_give_the_same_report(pack, name):
    path = dossier_path(name)
    text = path.read_text(encoding="utf-8")
    from_path = pack.evaluate(str(path)).to_json()
    assert pack.evaluate(text).to_json() == from_path
    assert pack.evaluate(json.loads(text)).to_json() == from_path
    assert pack.evaluate(path.read_bytes()).to_json() == from_path
    assert zhuoyue.Dossier.from_json(pack, "\n  " + text).evaluate().to_json() == from_path
    assert zhuoyue.evaluate(pack, zhuoyue.Dossier.from_dict(pack, json.loads(text))).to_json() \
        == from_path


@pytest.mark.parametrize("name", EXAMPLES)
def test_objects_agree_with_the_dict(pack, name):
    report = pack.evaluate(dossier_path(name))
    want = golden(name)
    assert report.program == want["program"]
    assert report.pack == want["rules"]["pack"]
    assert report.pack_version == want["rules"]["version"]
    assert report.params == want["rules"]["params"]
    assert report.overall == want["overall"]
    assert report.overall_label == want["overall_label"]
    assert [(e.id, e.verdict.value, e.message) for e in report.eligibility] == \
        [(e["id"], e["verdict"], e["message"]) for e in want["eligibility"]]
    assert [(g.id, g.verdict.value, g.covered_by) for g in report.general_standard] == \
        [(g["id"], g["verdict"], g["covered_by"]) for g in want["general_standard"]]

    assert [r.id for r in report.requirements] == [r["id"] for r in want["requirements"]]
    for requirement, wanted in zip(report.requirements, want["requirements"]):
        assert report.requirement(wanted["id"]).id == wanted["id"]
        assert requirement.title == wanted["title"]
        assert requirement.verdict == zhuoyue.Verdict(wanted["verdict"])
        assert requirement.level == wanted["level"]
        assert requirement.level_label == wanted["level_label"]
        assert requirement.at_least == (None if wanted["pass"] == "all"
                                        else wanted["pass"]["at_least"])
        assert [(m.id, m.title, m.provided) for m in requirement.materials] == \
            [(m["id"], m["title"], m["provided"]) for m in wanted["materials"]]
        assert len(requirement.criteria) == len(wanted["criteria"])
        for criterion, c in zip(requirement.criteria, wanted["criteria"]):
            assert report.criterion(c["id"]).id == c["id"]
            assert criterion.id == c["id"]
            assert criterion.kind == c["kind"]
            assert criterion.text == c["text"]
            assert criterion.verdict is zhuoyue.Verdict(c["verdict"])
            assert criterion.value == c.get("value")
            assert criterion.threshold == c.get("threshold")
            for key in ("value", "threshold"):
                number = getattr(criterion, key)
                assert number is None or type(number) is float
                bounds = c.get(key + "_range")
                assert getattr(criterion, key + "_range") == \
                    (None if bounds is None else (bounds["min"], bounds["max"]))
            assert criterion.comparison == c.get("comparison")
            assert criterion.witnesses == c["witnesses"]
            assert criterion.missing == c["missing"]
            assert criterion.judgement == (c["judgement"] if "judgement" in c else None)
            assert criterion.what_if == c.get("what_if")
            assert criterion.message == c["message"]

    coverage = want["coverage"]
    assert report.coverage.uncovered_points == coverage["uncovered_points"]
    assert report.coverage.unassessed_points == coverage["unassessed_points"]
    assert report.coverage.courses_without_assessment == coverage["courses_without_assessment"]
    assert report.coverage.orphan_courses == coverage["orphan_courses"]
    assert [(g.kind, g.id, g.path) for g in report.coverage.gaps] == \
        [(g["kind"], g["id"], g["path"]) for g in coverage["gaps"]]

    attainment = want["attainment"]
    assert report.attainment.computed == attainment["computed"]
    assert report.attainment.formula == attainment["method"]
    settings = report.attainment.settings
    assert {key: getattr(settings, key) for key in attainment["settings"]} == \
        attainment["settings"]
    assert [(p.id, p.item, p.value, p.exact, p.level, p.students, p.share_at_threshold)
            for p in report.attainment.points] == \
        [(p["id"], p["item"], p["value"], p["exact"], p["level"], p["students"],
          p["share_at_threshold"]) for p in attainment["points"]]
    assert [(i.id, i.value, i.exact, i.points, i.level) for i in report.attainment.items] == \
        [(i["id"], i["value"], i["exact"], i["points"], i["level"]) for i in attainment["items"]]
    assert [(c.course, c.point, c.value, c.weight, c.assessments)
            for c in report.attainment.course_points] == \
        [(c["course"], c["point"], c["value"], c["weight"], c["assessments"])
         for c in attainment["course_points"]]

    matrix = want["matrix"]
    assert [(c.point, c.course, c.weight, c.assessments) for c in report.matrix.cells] == \
        [(c["point"], c["course"], c["weight"], c["assessments"]) for c in matrix["cells"]]
    assert [(c.id, c.core, c.methods) for c in report.matrix.courses] == \
        [(c["id"], c["core"], c["methods"]) for c in matrix["courses"]]


def test_failing_example_in_detail(pack):
    report = pack.evaluate(dossier_path("failing"))
    assert report.program_name == "机械设计制造及其自动化"
    criterion = report.criterion("5.2")
    assert criterion.verdict is zhuoyue.Verdict.NOT_MET
    assert criterion.verdict == "not_met" and str(criterion.verdict) == "not_met"
    assert (criterion.value, criterion.threshold, criterion.comparison) == (7.0, 8.0, "all")
    assert (criterion.value_exact, criterion.threshold_exact) == ("7", "8")
    assert criterion.witnesses == ["T02"]
    assert report.criterion("5.3").judgement is zhuoyue.Verdict.MET
    assert report.criterion("9.8").what_if.startswith("what if:")
    assert report.requirement("5").verdict is zhuoyue.Verdict.NOT_MET
    assert report.requirement("9").at_least == 3
    with pytest.raises(KeyError):
        report.criterion("99.1")
    with pytest.raises(KeyError):
        report.requirement("99")


def test_null_attainment_stays_none(pack):
    incomplete = pack.evaluate(dossier_path("incomplete"))
    assert not incomplete.attainment.computed
    assert incomplete.attainment.points
    assert all(p.value is None and p.level == "unknown" for p in incomplete.attainment.points)
    assert all(i.value is None for i in incomplete.attainment.items)
    failing = pack.evaluate(dossier_path("failing"))
    values = [p.value for p in failing.attainment.points]
    assert None in values and 0 not in values
    assert failing.attainment.points[0].share_at_threshold is None


def test_a_range_has_no_value_but_its_bounds(pack):
    report = pack.evaluate(dossier_path("incomplete"))
    decided = report.criterion("4.5")  # 292 to 302.5 is enough for >= 260
    assert decided.verdict is zhuoyue.Verdict.MET
    assert (decided.value, decided.value_exact, decided.value_range) == (None, None, (292, 302.5))
    assert decided.threshold == 260
    assert report.criterion("10.3").value_range == (3500000, None)  # unbounded above
    undecided = report.criterion("9.6")
    assert undecided.verdict is zhuoyue.Verdict.PENDING
    assert undecided.value_range == (0, 1)
    assert undecided.missing[0] == "students[0].exchange"


def test_parts_outlive_the_report(pack):
    criterion = pack.evaluate(dossier_path("failing")).requirements[4].criteria[1]
    assert criterion.id == "5.2" and criterion.witnesses == ["T02"]


def test_report_round_trips_through_json(pack):
    report = pack.evaluate(dossier_path("failing"))
    again = zhuoyue.Report.from_json(report.to_json())
    assert again.to_dict() == report.to_dict()
    assert again.criterion("5.2").witnesses == ["T02"]
    assert json.loads(report.to_json()) == report.to_dict()


def test_text_is_chinese_by_default_and_english_on_request(pack):
    report = pack.evaluate(dossier_path("failing"))
    assert report.to_text() == report.to_text(lang="zh")
    assert report.to_text().splitlines()[1].startswith("评价结论：")
    english = report.to_text(lang="en")
    assert english.splitlines()[1].startswith("overall: ")
    assert "✗ requirement 1 学校标准的制定  not_met" in english
    assert "✗ 专门要求 1 学校标准的制定  未达到" in report.to_text()
    assert "\x1b[" in report.to_text(color=True)
    assert report.to_text(lang="en") == \
        (ROOT / "tests" / "golden" / "failing.en.txt").read_text(encoding="utf-8")
    assert report.to_text() == (ROOT / "tests" / "golden" / "failing.txt").read_text(
        encoding="utf-8")


def test_markdown_html_and_xlsx(pack, tmp_path):
    report = pack.evaluate(dossier_path("compliant"))
    assert report.to_markdown() == \
        (ROOT / "tests" / "golden" / "compliant.md").read_text(encoding="utf-8")
    assert report.to_markdown(lang="en") != report.to_markdown()
    html = report.to_html(lang="en")
    assert html.lstrip().lower().startswith("<!doctype html>") and report.program in html
    path = tmp_path / "report.xlsx"
    report.write_xlsx(path, lang="en")
    with zipfile.ZipFile(path) as workbook:
        assert "xl/workbook.xml" in workbook.namelist()


def test_verdict_is_a_python_enum():
    assert [v.value for v in zhuoyue.Verdict] == ["met", "not_met", "pending"]
    assert zhuoyue.Verdict("pending") is zhuoyue.Verdict.PENDING
    assert zhuoyue.Verdict.NOT_MET.name == "NOT_MET"
