"""Grade a class with the real nbgrader: ``autograde`` into its gradebook, scores read back from it.

A course folder for grading holds nbgrader's usual layout::

    <course>/nbgrader_config.py           written by setup_course
    <course>/gradebook.db
    <course>/release/<assignment>/        written by generate_assignment (registers the assignment)
    <course>/submitted/<student>/<assignment>/<assignment>.ipynb
    <course>/autograded/<student>/<assignment>/

and takes its source notebooks (with the hidden tests) from ``solutions/``.
"""
import csv
import re
import threading
import time
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from .cases import cases_module
from .paths import SOLUTIONS
from .release import generate, nbgrader

LMS_PATTERN = r"(?P<student>[^_.]+)[_.]"


def db_url(course):
    return f"sqlite:///{Path(course).resolve() / 'gradebook.db'}"


COURSE_CONFIG = """\
# Written by nngrader: an nbgrader course whose source is the course repository's solutions/.
c = get_config()  # noqa: F821
c.CourseDirectory.root = {root!r}
c.CourseDirectory.source_directory = {source!r}
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.db_url = {db_url!r}
# Tracebacks without source lines: feedback shows the message, not the test code.
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--InteractiveShell.xmode=Minimal"]
# Every cell of these notebooks runs in a few seconds; an endless loop is interrupted
# after this many and the notebook goes on (nbgrader's interrupt_on_timeout).
c.Execute.timeout = 15
# nbgrader's feedback would show hidden tests without ClearHiddenTests.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
"""


def setup_course(course, assignment):
    """Write the course's nbgrader_config.py and register the assignment in its gradebook
    with nbgrader's generate_assignment."""
    course = Path(course).resolve()
    course.mkdir(parents=True, exist_ok=True)
    (course / "nbgrader_config.py").write_text(
        COURSE_CONFIG.format(root=str(course), source=str(SOLUTIONS), db_url=db_url(course)), encoding="utf-8")
    generate(assignment, release_dir=course / "release", db_url=db_url(course))


def submit(course, assignment, student, notebook_text):
    """Place a notebook where nbgrader expects a submission."""
    folder = Path(course) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{assignment}.ipynb").write_text(notebook_text, encoding="utf-8")
    return folder


def autograde(course, assignment, progress=False):
    """One real ``nbgrader autograde`` run over every submission of the assignment.

    With ``progress``, a tqdm bar follows the autograded notebooks as nbgrader writes
    them, then says how many were graded, failed (no autograded notebook) and
    flagged (a cell timed out or the kernel died)."""
    if not progress:
        return nbgrader("autograde", assignment, "--create", "--force", cwd=Path(course))
    from tqdm import tqdm
    course = Path(course)
    students = sorted(p.parent.name for p in course.glob(f"submitted/*/{assignment}"))
    done = threading.Event()
    with tqdm(total=len(students), unit="notebook", desc="autograde") as bar:
        def follow():
            while not done.wait(0.5):
                bar.n = len(_autograded(course, assignment, started))
                bar.refresh()
        started = time.time()
        watcher = threading.Thread(target=follow, daemon=True)
        watcher.start()
        try:
            result = nbgrader("autograde", assignment, "--create", "--force", cwd=course, check=False)
        finally:
            done.set()
            watcher.join()
        graded = _autograded(course, assignment, started)
        flagged = [s for s in graded if _troubled(course / "autograded" / s / assignment / f"{assignment}.ipynb")]
        bar.n = len(graded)
        bar.set_postfix(graded=len(graded), failed=len(students) - len(graded), flagged=len(flagged))
    return result


def _autograded(course, assignment, since):
    """Students whose autograded notebook was written after ``since`` (this run)."""
    return [p.parts[-3] for p in course.glob(f"autograded/*/{assignment}/{assignment}.ipynb")
            if p.stat().st_mtime >= since - 1]


def _troubled(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    return "CellTimeoutError" in text or "DeadKernelError" in text or "Kernel died" in text


def feedback(course, assignment):
    """nbgrader generate_feedback: one HTML page per student in <course>/feedback/, hidden tests removed."""
    nbgrader("generate_feedback", assignment, "--force", cwd=Path(course))
    return sorted(Path(course).glob(f"feedback/*/{assignment}/*.html"))


def export_csv(course, assignment, path):
    """One row per student: the score of each graded function and the total."""
    table = scores(course, assignment)
    functions = list(cases_module(assignment).POINTS)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", *functions, "total"])
        for student, row in sorted(table.items()):
            writer.writerow([student, *(row[n] for n in functions), row["total"]])
    return Path(path)


def collect_flat(folder, course, assignment, pattern=LMS_PATTERN):
    """Copy a flat folder of notebooks named by student (as a learning-management system
    exports them) into nbgrader's submitted/<student>/<assignment>/ layout.

    The student id is the named group ``student`` of ``pattern`` matched against the
    file name; by default the text before the first underscore or dot
    (``jdoe_12345_deep_nn.ipynb`` and ``jdoe.ipynb`` both give ``jdoe``)."""
    regex = re.compile(pattern)
    students = {}
    for path in sorted(Path(folder).glob("*.ipynb")):
        match = regex.match(path.name)
        if not match:
            raise ValueError(f"{path.name} does not match the pattern {pattern!r}: cannot tell whose it is.")
        student = match.group("student")
        if student in students:
            raise ValueError(f"{path.name} and {students[student].name} both belong to {student!r}.")
        students[student] = path
        submit(course, assignment, student, path.read_text(encoding="utf-8", errors="replace"))
    return sorted(students)


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
