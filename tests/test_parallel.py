"""Serial, ``--jobs 2`` and a Dask cluster fill the same gradebook."""
import nbformat
import pytest
from nbgrader.api import Gradebook

from conftest import ASSIGNMENT
from grader import grading, submissions

pytestmark = pytest.mark.slow


def gradebook(course):
    """Everything a grade depends on: each grade cell's score and the message in its autograded cell."""
    out = {}
    with Gradebook(grading.db_url(course)) as gb:
        for student in gb.students:
            submission = gb.find_submission(ASSIGNMENT, student.id)
            for nb in submission.notebooks:
                for grade in nb.grades:
                    out[(student.id, grade.name)] = (grade.auto_score, grade.max_score)
            path = course / "autograded" / student.id / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.metadata.get("nbgrader", {}).get("grade"):
                    out[(student.id, cell.metadata.nbgrader.grade_id, "output")] = [
                        o.get("evalue") or o.get("text") for o in cell.outputs]
    return out


def graded(root, name, students, **how):
    course = root / name
    grading.setup_course(course, ASSIGNMENT)
    for student, text in students.items():
        grading.submit(course, ASSIGNMENT, student, text)
    result = grading.autograde(course, ASSIGNMENT, **how)
    assert sorted(result["graded"]) == sorted(students) and not result["failed"]
    return gradebook(course)


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    students = submissions.sample_class(ASSIGNMENT)
    root = tmp_path_factory.mktemp("parallel")
    return root, students, graded(root, "serial", students)


def test_two_jobs_fill_the_same_gradebook_as_one(serial):
    root, students, expected = serial
    assert graded(root, "jobs2", students, jobs=2) == expected


def test_a_dask_cluster_fills_the_same_gradebook_as_one_process(serial):
    distributed = pytest.importorskip("distributed")
    root, students, expected = serial
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        assert graded(root, "dask", students, scheduler=cluster.scheduler_address) == expected
