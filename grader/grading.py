"""Grade a class with the real nbgrader: ``autograde`` into its gradebook, scores read back from it.

A course folder for grading holds nbgrader's usual layout::

    <course>/gradebook.db
    <course>/release/<assignment>/        written by generate_assignment (registers the assignment)
    <course>/submitted/<student>/<assignment>/<assignment>.ipynb
    <course>/autograded/<student>/<assignment>/

and takes its source notebooks (with the hidden tests) from ``solutions/``.
"""
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from .cases import cases_module
from .paths import SOLUTIONS
from .release import generate, nbgrader


def db_url(course):
    return f"sqlite:///{Path(course).resolve() / 'gradebook.db'}"


def course_args(course):
    return [f"--CourseDirectory.root={Path(course).resolve()}",
            f"--CourseDirectory.source_directory={SOLUTIONS}",
            f"--CourseDirectory.db_url={db_url(course)}"]


def setup_course(course, assignment):
    """Register the assignment in the course's gradebook with nbgrader's generate_assignment."""
    Path(course).mkdir(parents=True, exist_ok=True)
    generate(assignment, release_dir=Path(course).resolve() / "release", db_url=db_url(course))


def submit(course, assignment, student, notebook_text):
    """Place a notebook where nbgrader expects a submission."""
    folder = Path(course) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{assignment}.ipynb").write_text(notebook_text, encoding="utf-8")
    return folder


def autograde(course, assignment):
    """One real ``nbgrader autograde`` run over every submission of the assignment."""
    return nbgrader("autograde", assignment, "--create", "--force", *course_args(course), cwd=Path(course))


def scores(course, assignment):
    """{student: {graded function: score, ..., "total": score}} read from nbgrader's gradebook."""
    functions = list(cases_module(assignment).POINTS)
    table = {}
    with Gradebook(db_url(course)) as gb:
        for student in gb.students:
            try:
                submission = gb.find_submission(assignment, student.id)
            except MissingEntry:
                continue
            row = {}
            for name in functions:
                try:
                    grade = gb.find_grade(f"test_{name}", assignment, assignment, student.id)
                    row[name] = grade.score
                except MissingEntry:
                    row[name] = 0.0
            row["total"] = submission.score
            table[student.id] = row
    return table


def format_table(table, assignment):
    points = cases_module(assignment).POINTS
    names = list(points)
    short = [n.replace("initialize_parameters", "init").replace("linear_activation", "lin_act")
             .replace("_backward", "_bwd").replace("_forward", "_fwd") for n in names]
    header = ["student"] + short + ["total"]
    rows = [[s] + [f"{row[n]:g}" for n in names] + [f"{row['total']:g}/{sum(points.values())}"]
            for s, row in sorted(table.items())]
    rows.insert(0, ["(max)"] + [str(points[n]) for n in names] + [str(sum(points.values()))])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [header] + rows]
    return "\n".join(lines)
