"""Hostile submissions, graded by the real command beside honest ones.

Each file in ``fixtures/hostile/`` is a cell a student adds to their notebook;
its docstring says what it starts from (the untouched release or a complete
solution), the points its code really earns, and a word the instructor's
report must give as the reason it was flagged. Other cases edit the test
cells or are not notebooks at all. The whole class is graded in one run of
``nngrader grade``: no hostile submission may earn a point it did not earn,
go unflagged, abort the run, or change anyone else's grade.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ASSIGNMENT
from grader import grading, submissions
from grader.cases import cases_module
from grader.paths import RELEASE, ROOT

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parent / "fixtures" / "hostile"
FULL = sum(cases_module(ASSIGNMENT).POINTS.values())
HEADER = re.compile(r'"""base: (\w+); points: (\d+); flag: (.+)"""')


def cell_fixtures():
    """{name: (base, points, flag word, code)} from fixtures/hostile/*.py."""
    out = {}
    for path in sorted(FIXTURES.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        base, points, flag = HEADER.match(text).groups()
        out[path.stem] = (base, int(points), flag, text)
    return out


def with_cell(notebook_text, code):
    nb = nbformat.reads(notebook_text, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(code))
    return nbformat.writes(nb)


def edited_tests(notebook_text):
    """Test cells emptied, their points raised, one renamed, one deleted."""
    nb = nbformat.reads(notebook_text, as_version=4)
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    for cell in tests:
        cell.source = "pass"
        cell.metadata.nbgrader.points = 100
    tests[0].metadata.nbgrader.grade_id = "test_made_up"
    nb.cells.remove(tests[1])
    return nbformat.writes(nb)


def no_cells(notebook_text):
    nb = nbformat.reads(notebook_text, as_version=4)
    nb.cells = []
    return nbformat.writes(nb)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    course = tmp_path_factory.mktemp("hostile")
    honest = submissions.sample_class(ASSIGNMENT)
    controls = {s: honest[s] for s in ("complete", "bug-linear-backward", "crashes", "mistakes-1", "untouched")}
    cases = {}       # student -> (points it really earns, flag word)
    files = {}       # student -> (file name, bytes)
    for name, (base, points, flag, code) in cell_fixtures().items():
        code = code.replace("{root}", str(ROOT)).replace("{course}", str(course))
        files[name] = (f"{ASSIGNMENT}.ipynb", with_cell(controls[base], code).encode())
        cases[name] = (points, flag)
    complete = controls["complete"]
    v3 = nbformat.writes(nbformat.convert(nbformat.reads(complete, as_version=4), 3))
    for name, data, points, flag in (
            ("edit-tests", edited_tests(controls["untouched"]).encode(), 0, "edited the test cell"),
            ("no-cells", no_cells(complete).encode(), 0, "deleted the test cell"),
            ("not-json", b"{this is not a notebook", 0, "not JSON"),
            ("not-utf8", complete.replace("Returns", "R\u00e9turns").encode("latin-1", "replace"), 0, "not UTF-8"),
            ("nbformat3", v3.encode(), FULL, "nbformat 3")):
        files[name], cases[name] = (f"{ASSIGNMENT}.ipynb", data), (points, flag)
    files["wrong-name"], cases["wrong-name"] = ("my_homework.ipynb", complete.encode()), (0, "named wrongly")
    for student, text in controls.items():
        grading.submit(course, ASSIGNMENT, student, text)
    for student, (filename, data) in files.items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / filename).write_bytes(data)
    release_before = {p: p.read_bytes() for p in (RELEASE / ASSIGNMENT).iterdir()}
    run = subprocess.run([sys.executable, "-m", "grader.cli", "grade", str(course), ASSIGNMENT, "--jobs", "2",
                          "--cell-timeout", "5", "--call-timeout", "5"],
                         capture_output=True, text=True, timeout=900)
    return course, cases, controls, run, release_before


def test_the_run_is_not_aborted(hostile_run):
    course, cases, controls, run, _ = hostile_run
    assert run.returncode == 0, run.stderr[-3000:]
    table = grading.scores(course, ASSIGNMENT)
    readable = {s for s in cases if s not in ("not-json", "not-utf8", "wrong-name")}
    assert set(controls) | readable <= set(table)


def test_no_hostile_submission_earns_a_point_its_code_did_not(hostile_run):
    course, cases, _, _, _ = hostile_run
    table = grading.scores(course, ASSIGNMENT)
    wrong = {s: table.get(s, {"total": 0})["total"] for s, (points, _) in cases.items()
             if table.get(s, {"total": 0})["total"] > points}
    print(json.dumps({"hostile cases tried": len(cases), "points wrongly awarded": sum(wrong.values())}))
    assert not wrong
    # where the hostile cell only disrupts, the honest rest of the notebook keeps its points
    kept = {s: table[s]["total"] for s, (points, _) in cases.items() if points == FULL}
    assert all(total == FULL for total in kept.values()), kept


def test_every_hostile_submission_is_flagged_with_its_reason(hostile_run):
    course, cases, _, _, _ = hostile_run
    flags = grading.flags(course, ASSIGNMENT)
    missing = {s: flags.get(s) for s, (_, word) in cases.items()
               if not any(word.lower() in reason.lower() for reason in flags.get(s, []))}
    assert not missing


def test_honest_submissions_in_the_same_run_keep_their_grades(hostile_run, tmp_path):
    course, _, controls, _, _ = hostile_run
    clean = tmp_path / "clean"
    grading.setup_course(clean, ASSIGNMENT)
    for student, text in controls.items():
        grading.submit(clean, ASSIGNMENT, student, text)
    grading.autograde(clean, ASSIGNMENT)
    expected, got = grading.scores(clean, ASSIGNMENT), grading.scores(course, ASSIGNMENT)
    assert {s: got[s] for s in controls} == expected
    assert not set(grading.flags(course, ASSIGNMENT)) & set(controls)


def test_nothing_outside_the_sandbox_was_written(hostile_run):
    course, _, _, _, release_before = hostile_run
    assert not (course / "feedback" / "x.html").exists()
    assert {p: p.read_bytes() for p in (RELEASE / ASSIGNMENT).iterdir()} == release_before
    assert "hacked" not in (course / "release" / ASSIGNMENT / "nn_utils.py").read_text()
    from nbgrader.api import Gradebook
    with Gradebook(grading.db_url(course)) as gb:
        for student in gb.students:
            for nb in gb.find_submission(ASSIGNMENT, student.id).notebooks:
                assert all(g.manual_score is None for g in nb.grades)
