"""Interrupted class runs: SIGINT and SIGKILL, then the same command again.

The second run grades what is left; grades finished before the interruption
are not redone; the gradebook holds one row per student and cell; a
submission replaced between the runs is graded again, not served stale.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import nbformat
import pytest

from conftest import ASSIGNMENT
from grader import grading, submissions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def students():
    """The sample class, each notebook with a cell that sleeps a second: a run long enough to interrupt."""
    slow = {}
    for name, text in submissions.sample_class(ASSIGNMENT).items():
        nb = nbformat.reads(text, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(1)"))
        slow[f"{name}-1"] = nbformat.writes(nb)
    return slow


def grade_command(course, *extra):
    return [sys.executable, "-m", "grader.cli", "grade", str(course), ASSIGNMENT, *extra]


def wait_for(predicate, timeout=300):
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def sandboxes():
    """Pids of sandbox processes (zygotes and the sandboxes they fork) on this machine."""
    out = subprocess.run(["pgrep", "-f", "-m", "grader[.]sandbox"], capture_output=True, text=True).stdout
    return set(out.split())


def state(course, kind):
    return list((course / ".nngrader" / ASSIGNMENT / kind).glob("*"))


def new_course(root, students):
    course = root
    grading.setup_course(course, ASSIGNMENT)
    for student, text in students.items():
        grading.submit(course, ASSIGNMENT, student, text)
    return course


def rows(course):
    db = sqlite3.connect(course / "gradebook.db")
    try:
        per_student = db.execute("select student_id, count(*) from submitted_assignment group by student_id").fetchall()
        per_cell = db.execute("select count(*) from grade group by notebook_id, cell_id having count(*) > 1").fetchall()
    finally:
        db.close()
    return dict(per_student), per_cell


@pytest.fixture(scope="module")
def clean(tmp_path_factory, students):
    course = new_course(tmp_path_factory.mktemp("clean"), students)
    grading.autograde(course, ASSIGNMENT)
    return grading.scores(course, ASSIGNMENT)


@pytest.mark.parametrize("sig, stage, jobs", [(signal.SIGINT, "verdicts", "2"), (signal.SIGKILL, "done", "1")])
def test_an_interrupted_run_finishes_on_the_next_without_redoing_or_duplicating(tmp_path, students, clean, sig,
                                                                                 stage, jobs):
    course = new_course(tmp_path / "course", students)
    before = sandboxes()
    run = subprocess.Popen(grade_command(course, "--jobs", jobs), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert wait_for(lambda: len(state(course, stage)) >= 3), "the run never got going"
    os.kill(run.pid, sig)
    run.wait(timeout=120)
    assert run.returncode != 0
    # no sandbox outlives the interrupted run
    assert wait_for(lambda: not sandboxes() - before, timeout=30), sandboxes() - before
    done_before = {p.name: (course / "autograded" / p.name / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").stat().st_mtime
                   for p in state(course, "done")}
    assert len(done_before) < len(students)
    # a student already graded resubmits between the runs: graded again, not served from the first run
    changed = next(s for s in sorted(done_before) if clean[s]["total"] > 0)
    grading.submit(course, ASSIGNMENT, changed, students["untouched-1"])
    again = subprocess.run(grade_command(course, "--jobs", jobs), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    scores = grading.scores(course, ASSIGNMENT)
    expected = dict(clean)
    expected[changed] = clean["untouched-1"]
    assert scores == expected
    for student, mtime in done_before.items():
        if student != changed:
            path = course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
            assert path.stat().st_mtime == mtime, f"{student} was graded again"
    per_student, duplicated_cells = rows(course)
    assert set(per_student) == set(students) and set(per_student.values()) == {1} and not duplicated_cells
