"""Does real nbgrader grade a class right? Scores are read from nbgrader's gradebook."""
import html
import json

import nbformat
import pytest

from conftest import ASSIGNMENT
from grader import grading, submissions
from grader.cases import cases_module

pytestmark = pytest.mark.slow
POINTS = cases_module(ASSIGNMENT).POINTS
FULL = sum(POINTS.values())


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    grading.setup_course(course, ASSIGNMENT)
    students = submissions.sample_class(ASSIGNMENT)
    for student, text in students.items():
        grading.submit(course, ASSIGNMENT, student, text)
    result = grading.autograde(course, ASSIGNMENT, progress=True)    # the instructor's path, with its tqdm bar
    assert not result["failed"] and not result["flagged"], result
    return course, grading.scores(course, ASSIGNMENT)


def lost(row):
    return {name for name in POINTS if row[name] != POINTS[name]}


def test_every_submission_is_graded(graded):
    course, scores = graded
    assert set(scores) == set(submissions.sample_class(ASSIGNMENT))
    assert {p.parts[-3] for p in course.glob(f"autograded/*/{ASSIGNMENT}/{ASSIGNMENT}.ipynb")} == set(scores)


@pytest.mark.parametrize("student", ["complete", "style-matmul", "style-loops"])
def test_does_a_correct_submission_in_any_style_get_full_marks(graded, student):
    _, scores = graded
    assert scores[student]["total"] == FULL and not lost(scores[student])


def test_untouched_release_gets_zero(graded):
    _, scores = graded
    assert scores["untouched"]["total"] == 0


def test_a_bug_in_linear_backward_costs_linear_backward_only(graded):
    _, scores = graded
    assert lost(scores["bug-linear-backward"]) == {"linear_backward"}
    assert scores["bug-linear-backward"]["total"] == FULL - POINTS["linear_backward"]


def test_a_crashing_cell_costs_its_function_only(graded):
    _, scores = graded
    assert lost(scores["crashes"]) == {"L_model_forward"}


def test_each_catalogued_mistake_loses_its_function_with_its_hint(graded):
    course, scores = graded
    tried = caught = hinted = 0
    for i, group in enumerate(submissions.mistake_groups(ASSIGNMENT), 1):
        student = f"mistakes-{i}"
        assert lost(scores[student]) == {m.function for m in group}, student
        nb = nbformat.read(course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
        errors = {c.metadata["nbgrader"]["grade_id"]: " ".join(o.get("evalue", "") for o in c.outputs)
                  for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
        for known in group:
            tried += 1
            caught += scores[student][known.function] == 0
            hinted += known.hint in errors[f"test_{known.function}"]
    print(json.dumps({"mistakes tried": tried, "caught": caught, "hints matched": hinted}))
    assert tried == caught == hinted


def test_hidden_test_code_stays_in_the_source(graded):
    course, _ = graded
    released = (course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
    assert "run_hidden" not in released and "BEGIN SOLUTION" not in released


@pytest.fixture(scope="module")
def feedback_pages(graded):
    course, _ = graded
    return grading.feedback(course, ASSIGNMENT)


def test_feedback_has_a_page_per_student_with_hints_but_no_hidden_test_or_reference(graded, feedback_pages):
    from test_release import secret_and_public_lines
    _, scores = graded
    assert {p.parts[-3] for p in feedback_pages} == set(scores)
    for page in feedback_pages:
        text = page.read_text(encoding="utf-8")
        assert "BEGIN HIDDEN TESTS" not in text and "run_hidden" not in text and "expected/" not in text
    # a page shows the student's own code; the untouched release has none, so any
    # solution, hidden-test or reference line there would have come from the grader
    course, _ = graded
    release = nbformat.read(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    released = "\n".join(cell.source for cell in release.cells)
    secret, _ = secret_and_public_lines()
    secret = [line for line in secret if line not in released]     # prose may quote a formula
    untouched = next(p for p in feedback_pages if p.parts[-3] == "untouched").read_text(encoding="utf-8")
    assert secret and not [line for line in secret if line in untouched]
    group = submissions.mistake_groups(ASSIGNMENT)[0]
    page = next(p for p in feedback_pages if p.parts[-3] == "mistakes-1").read_text(encoding="utf-8")
    assert all(html.escape(m.hint, quote=False) in page or m.hint in page for m in group)


def test_csv_export_has_a_row_per_student_and_a_column_per_function(graded, tmp_path):
    import csv
    course, scores = graded
    with open(grading.export_csv(course, ASSIGNMENT, tmp_path / "grades.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["student"] for r in rows] == sorted(scores)
    assert set(rows[0]) == {"student", *POINTS, "total"}
    complete = next(r for r in rows if r["student"] == "complete")
    assert float(complete["total"]) == FULL


def test_class_summary_counts_the_catalogued_mistakes(graded):
    from grader.summary import hint_counts, write_summary
    course, scores = graded
    counts = hint_counts(course, ASSIGNMENT)
    assert counts[("linear_backward", "dW looks divided by 2 instead of by m (m = A_prev.shape[1]).")] == 2
    assert sum(counts.values()) >= len([m for g in submissions.mistake_groups(ASSIGNMENT) for m in g])
    page = write_summary(course, ASSIGNMENT)
    assert page.with_suffix(".png").stat().st_size > 1000
    assert f"{len(scores)} students graded" in page.read_text()
