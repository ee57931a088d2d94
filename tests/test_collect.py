"""Can an instructor grade a flat folder exported by a learning-management system?"""
import pytest

from grader.grading import collect_flat

A = "deep_nn_step_by_step"


def test_flat_folder_becomes_nbgraders_submitted_layout(tmp_path):
    inbox = tmp_path / "export"
    inbox.mkdir()
    (inbox / "jdoe_12345_67890_deep_nn_step_by_step.ipynb").write_text("{}")
    (inbox / "asmith.ipynb").write_text("{}")
    (inbox / "notes.txt").write_text("not a notebook")
    assert collect_flat(inbox, tmp_path / "course", A) == ["asmith", "jdoe"]
    assert (tmp_path / "course" / "submitted" / "jdoe" / A / f"{A}.ipynb").exists()


def test_a_custom_pattern_names_the_student(tmp_path):
    (tmp_path / "hw3-s1234567.ipynb").write_text("{}")
    assert collect_flat(tmp_path, tmp_path / "c", A, r"hw3-(?P<student>s\d+)\.ipynb") == ["s1234567"]


def test_two_notebooks_of_one_student_or_an_unknown_name_are_refused(tmp_path):
    (tmp_path / "jdoe_1.ipynb").write_text("{}")
    (tmp_path / "jdoe_2.ipynb").write_text("{}")
    with pytest.raises(ValueError, match="both belong to 'jdoe'"):
        collect_flat(tmp_path, tmp_path / "c", A)
    with pytest.raises(ValueError, match="does not match"):
        collect_flat(tmp_path, tmp_path / "c2", A, r"(?P<student>x\d+)_")


def test_grade_writes_to_the_database_url_it_is_given(tmp_path):
    """Any URL nbgrader accepts: here SQLite at another place; export and scores follow it."""
    import subprocess
    import sys
    from grader import grading, submissions
    course, other = tmp_path / "course", tmp_path / "elsewhere.db"
    text = submissions.fill("deep_nn_step_by_step", submissions.solution_answers("deep_nn_step_by_step"))
    grading.submit(course, "deep_nn_step_by_step", "ada", text)
    run = subprocess.run([sys.executable, "-m", "grader.cli", "grade", str(course), "deep_nn_step_by_step",
                          "--db-url", f"sqlite:///{other}"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert other.exists() and not (course / "gradebook.db").exists()
    assert grading.scores(course, "deep_nn_step_by_step")["ada"]["total"] == 30
