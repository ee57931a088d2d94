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
import hashlib
import json
import os
import re
import signal
import sys
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from .cases import cases_module
from .paths import SOLUTIONS
from .release import generate, nbgrader
from .trusted import Limits, fingerprint, grade_bytes, store

LMS_PATTERN = r"(?P<student>[^_.]+)[_.]"


def db_url(course):
    """The course's gradebook: the URL given to setup_course, else COURSE/gradebook.db (SQLite)."""
    chosen = Path(course) / ".nngrader" / "db_url"
    if chosen.exists():
        return chosen.read_text(encoding="utf-8").strip()
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
{trusted}# nbgrader's feedback would show hidden tests without ClearHiddenTests.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
"""


TRUSTED = """\
# Grade in the sandbox and judge outputs outside it (grader.trusted) instead of
# executing the notebook in a kernel: same gradebook, same scores, cannot be fooled.
c.Autograde.autograde_preprocessors = [
    "grader.trusted.TrustedGrade",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# Resource limits of one submission (seconds, bytes): see `nngrader grade --help`.
c.TrustedGrade.cell_timeout = {limits.cell_timeout!r}
c.TrustedGrade.call_timeout = {limits.call_timeout!r}
c.TrustedGrade.notebook_timeout = {limits.notebook_timeout!r}
c.TrustedGrade.memory = {limits.memory!r}
"""


def setup_course(course, assignment, trusted=True, limits=None, database=None):
    """Write the course's nbgrader_config.py and register the assignment in its gradebook
    with nbgrader's generate_assignment. ``trusted=False`` keeps stock nbgrader
    (every cell executed in a Jupyter kernel, the tests in the student's kernel).
    ``database``: any SQLAlchemy URL nbgrader accepts (default COURSE/gradebook.db)."""
    course = Path(course).resolve()
    course.mkdir(parents=True, exist_ok=True)
    if database:
        (course / ".nngrader").mkdir(exist_ok=True)
        (course / ".nngrader" / "db_url").write_text(database, encoding="utf-8")
    extra = TRUSTED.format(limits=limits or Limits()) if trusted else ""
    (course / "nbgrader_config.py").write_text(
        COURSE_CONFIG.format(root=str(course), source=str(SOLUTIONS), db_url=db_url(course), trusted=extra),
        encoding="utf-8")
    generate(assignment, release_dir=course / "release", db_url=db_url(course))


def submit(course, assignment, student, notebook_text):
    """Place a notebook where nbgrader expects a submission."""
    folder = Path(course) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{assignment}.ipynb").write_text(notebook_text, encoding="utf-8")
    return folder


def _api(course):
    """nbgrader's Python API on the course, configured by its nbgrader_config.py."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    coursedir = CourseDirectory(config=config, root=str(course))
    return NbGraderAPI(coursedir, config=config)


def _state(course, assignment, kind):
    folder = Path(course) / ".nngrader" / assignment / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _submitted(course, assignment, student):
    return Path(course) / "submitted" / student / assignment / f"{assignment}.ipynb"


def _stamp(course, assignment, student):
    """What a finished grade was made from: the submitted bytes and the grader's fingerprint."""
    path = _submitted(course, assignment, student)
    data = path.read_bytes() if path.exists() else b""
    return hashlib.sha256(data + fingerprint().encode()).hexdigest()


def _is_done(course, assignment, student):
    marker = _state(course, assignment, "done") / student
    autograded = Path(course) / "autograded" / student / assignment / f"{assignment}.ipynb"
    return (marker.exists() and autograded.exists()
            and marker.read_text() == _stamp(course, assignment, student))


def _run_all(tasks, jobs, scheduler):
    """Yield (student, result or exception) for {student: args of _verdict_task} as each
    finishes: in this process, in a pool of ``jobs`` processes, or on a Dask cluster."""
    if not scheduler and jobs <= 1:
        for student, args in tasks.items():
            try:
                yield student, _verdict_task(*args)
            except Exception as error:
                yield student, error
        return
    if scheduler:
        from distributed import Client, as_completed as finished
        executor = Client(scheduler) if isinstance(scheduler, str) else scheduler
    else:
        import multiprocessing
        executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"))
        finished = as_completed
    try:
        futures = {executor.submit(_verdict_task, *args): student for student, args in tasks.items()}
        for future in finished(list(futures)):
            try:
                yield futures[future], future.result()
            except Exception as error:
                yield futures[future], error
    finally:
        if isinstance(executor, ProcessPoolExecutor):
            executor.shutdown(cancel_futures=True)
        elif isinstance(scheduler, str):      # the Client made here for the address
            executor.close()


def _verdict_task(assignment, data, limits):
    """Runs on a worker (a process or a Dask worker): grade submitted bytes, return (key, verdict)."""
    return grade_bytes(assignment, data, Limits(**limits))


def autograde(course, assignment, progress=False, jobs=1, scheduler=None, limits=None, force=False):
    """Grade every submission of the assignment not graded yet; returns {"graded", "failed", "flagged"}.

    Two stages. 1: each submission runs in its own sandbox (``grader.trusted``) and
    gets a verdict per graded function; this is the work, spread over ``jobs``
    processes or a Dask cluster at ``scheduler``; verdicts are files keyed by the
    code that ran. 2: as each verdict arrives, ``nbgrader autograde`` for that
    student, in this process, with ``TrustedGrade`` in place of nbgrader's Execute:
    it writes the verdicts into the test cells, and nbgrader scores them into its
    gradebook. Only this process writes the gradebook, so workers never contend
    for it, and no worker opens a kernel port. A student is done when stage 2 finished for the very
    bytes submitted; an interrupted run, run again, grades the rest.
    """
    course = Path(course).resolve()
    limits = limits or Limits()
    students = sorted(p.parent.name for p in course.glob(f"submitted/*/{assignment}"))
    todo = [s for s in students if force or not _is_done(course, assignment, s)]
    reports, verdicts = _state(course, assignment, "reports"), _state(course, assignment, "verdicts")
    done = _state(course, assignment, "done")
    for student in todo:
        (done / student).unlink(missing_ok=True)
        (reports / f"{student}.json").unlink(missing_ok=True)
    result = {"graded": [], "failed": [], "flagged": []}
    from .landlock import abi
    if todo and not abi() and scheduler is None:
        print("warning: this kernel has no Landlock: submissions are confined by the audit hook only "
              "(see SECURITY.md); grade inside a container", file=sys.stderr)
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="notebook", desc="grade")

    def flag(student, reason):
        _add_flag(reports, student, reason)
        if student not in result["flagged"]:
            result["flagged"].append(student)

    def note(student, verdict):
        for reason in verdict.get("flags", []):
            flag(student, reason)
        if bar is not None:
            bar.update(1)
            bar.set_postfix(graded=len(result["graded"]), failed=len(result["failed"]), flagged=len(result["flagged"]))

    os.environ["NNGRADER_VERDICTS"] = str(verdicts)
    api = _api(course)

    def into_gradebook(student):
        """Stage 2 for one student: nbgrader autograde (TrustedGrade reads the stored verdict)."""
        with warnings.catch_warnings(), _interruptible():   # SQLAlchemy's autoflush notes inside nbgrader
            warnings.simplefilter("ignore")
            outcome = api.autograde(assignment, student, force=True, create=True)
        if outcome["success"]:
            (done / student).write_text(_stamp(course, assignment, student))
            result["graded"].append(student)
            return
        result["failed"].append(student)
        log = (outcome.get("log") or "") + "\n" + (outcome.get("error") or "")
        reasons = [line.split("]", 1)[-1].strip() for line in log.splitlines()
                   if ("ERROR" in line or "Error" in line) and "see the the above traceback" not in line]
        flag(student, "nbgrader autograde failed: " + (reasons[0][:300] if reasons else "no reason given"))

    tasks = {}
    for student in todo:
        path = _submitted(course, assignment, student)
        if path.exists():
            tasks[student] = (assignment, path.read_bytes(), asdict(limits))
        else:
            others = sorted(p.name for p in path.parent.glob("*.ipynb"))
            note(student, {"flags": [f"no {path.name} in the submission"
                                     + (f" (found {', '.join(others)}: named wrongly?)" if others else "")]})
            into_gradebook(student)
    # Stage 1 runs on the workers while this process does stage 2 for each verdict that arrives.
    try:
        for student, outcome in _run_all(tasks, jobs, scheduler):
            if isinstance(outcome, Exception):   # a worker lost: TrustedGrade grades it in this process
                key, verdict = None, {"flags": [f"grading worker failed: {type(outcome).__name__}: {outcome}"]}
            else:
                key, verdict = outcome
            if key:
                store(verdicts, key, verdict)
            into_gradebook(student)
            note(student, verdict)
    finally:
        if bar is not None:
            bar.close()
    if progress:
        print(f"graded {len(result['graded'])}, failed {len(result['failed'])}, "
              f"flagged {len(result['flagged'])} (see `nngrader flags`)")
    return result


@contextmanager
def _interruptible():
    """nbgrader's API catches every exception, Ctrl-C included: note a SIGINT that
    arrives meanwhile and raise it once nbgrader has returned."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = []

    def handler(signum, frame):
        caught.append(signum)
        raise KeyboardInterrupt
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _add_flag(reports, student, reason):
    path = reports / f"{student}.json"
    report = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"flags": []}
    report["flags"].append(reason)
    path.write_text(json.dumps(report), encoding="utf-8")


def flags(course, assignment):
    """{student: [reasons]} for the flagged submissions of the last grading of each student."""
    folder = Path(course) / ".nngrader" / assignment / "reports"
    out = {}
    for path in sorted(folder.glob("*.json")):
        reasons = json.loads(path.read_text(encoding="utf-8")).get("flags", [])
        if reasons:
            out[path.stem] = reasons
    return out


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
