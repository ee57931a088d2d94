"""``nngrader``: the course's command line.

    nngrader build-data                 build datasets/data/*.h5 from installed packages
    nngrader build-expected             expected values and source notebooks from the reference
    nngrader release [ASSIGNMENT ...]   the above, then nbgrader generate_assignment -> notebooks/
    nngrader check NOTEBOOK             run a notebook and print its public-test table (students)
    nngrader grade COURSE ASSIGNMENT    grade COURSE/submitted/*/ASSIGNMENT into nbgrader's gradebook
                                        (--from FOLDER: a flat folder of notebooks named by student;
                                        --jobs N: in parallel; --scheduler ADDRESS: on a Dask cluster)
    nngrader flags COURSE ASSIGNMENT    the flagged submissions and the reasons
    nngrader export COURSE ASSIGNMENT   scores per student and function as CSV
    nngrader feedback COURSE ASSIGNMENT HTML feedback per student (hidden tests removed)
    nngrader audit [ASSIGNMENT ...]     prove the checks on correct variants and every known mistake
    nngrader demo                       grade a generated sample class end to end
"""
import argparse
import shutil
import sys
from pathlib import Path

from .paths import ASSIGNMENTS, ROOT


def cmd_build_data(args):
    from datasets.build import build_all
    for path in build_all():
        print(f"wrote {path}")


def cmd_build_expected(args):
    from .release import build_sources
    for path in build_sources():
        print(f"wrote {path}")


def cmd_release(args):
    from .release import release
    for path in release(args.assignments or ASSIGNMENTS):
        print(f"released {path}")


def cmd_check(args):
    from .selfcheck import check_notebook
    print(check_notebook(Path(args.notebook)))


def cmd_grade(args):
    from . import grading
    course = Path(args.course)
    if args.source:
        students = grading.collect_flat(args.source, course, args.assignment, args.pattern)
        print(f"collected {len(students)} notebooks from {args.source} into {course}/submitted/")
    if not (course / "submitted").is_dir():
        raise ValueError(f"{course}/submitted/ does not exist: put submissions in "
                         f"{course}/submitted/<student>/{args.assignment}/{args.assignment}.ipynb or use --from FOLDER")
    limits = _limits(args)
    grading.setup_course(course, args.assignment, limits=limits, database=args.db_url)
    grading.autograde(course, args.assignment, progress=True, jobs=args.jobs, scheduler=args.scheduler,
                      limits=limits, force=args.force)
    print(grading.format_table(grading.scores(course, args.assignment), args.assignment))
    _print_flags(course, args.assignment)


def _limits(args):
    from .trusted import Limits
    return Limits(cell_timeout=args.cell_timeout, call_timeout=args.call_timeout,
                  notebook_timeout=args.notebook_timeout, memory=int(args.memory_gb * (1 << 30)))


def _print_flags(course, assignment):
    from . import grading
    flagged = grading.flags(course, assignment)
    if flagged:
        print(f"\nFlagged for review ({len(flagged)}):")
        for student, reasons in flagged.items():
            print(f"  {student}: " + "; ".join(reasons))


def cmd_flags(args):
    _print_flags(Path(args.course), args.assignment)


def cmd_export(args):
    from . import grading
    path = grading.export_csv(args.course, args.assignment, args.csv or Path(args.course) / f"{args.assignment}_grades.csv")
    print(f"wrote {path}")


def cmd_feedback(args):
    from . import grading
    pages = grading.feedback(args.course, args.assignment)
    print(f"wrote {len(pages)} feedback pages under {Path(args.course) / 'feedback'}")


def cmd_audit(args):
    from .audit import audit
    failed = False
    for assignment in args.assignments or ASSIGNMENTS:
        report = audit(assignment)
        print(f"{assignment}: {report.summary()}")
        for problem in report.problems:
            print(f"  PROBLEM {problem}")
        failed |= not report.ok
    sys.exit(1 if failed else 0)


def cmd_demo(args):
    from . import grading, submissions
    from .summary import write_summary
    assignment = "deep_nn_step_by_step"
    course = Path(args.out).resolve()
    if course.exists():
        shutil.rmtree(course)
    print(f"Releasing {assignment} into {course}/release with nbgrader generate_assignment ...")
    grading.setup_course(course, assignment)
    students = submissions.sample_class(assignment, per_function=2)
    for student, text in students.items():
        grading.submit(course, assignment, student, text)
    print(f"Grading {len(students)} sample submissions (sandbox, then nbgrader autograde) ...")
    grading.autograde(course, assignment, progress=True, jobs=2)
    print()
    print(grading.format_table(grading.scores(course, assignment), assignment))
    _print_flags(course, assignment)
    csv_path = grading.export_csv(course, assignment, course / f"{assignment}_grades.csv")
    pages = grading.feedback(course, assignment)
    summary = write_summary(course, assignment)
    print(f"\nGradebook:  {course / 'gradebook.db'}\nGrades CSV: {csv_path}\n"
          f"Feedback:   {len(pages)} HTML pages under {course / 'feedback'}\n"
          f"Summary:    {summary} (plot: {summary.with_suffix('.png')})")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="nngrader", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build-data", help="build the HDF5 data sets").set_defaults(func=cmd_build_data)
    sub.add_parser("build-expected", help="regenerate expected values and source notebooks"
                   ).set_defaults(func=cmd_build_expected)
    p = sub.add_parser("release", help="regenerate the student release in notebooks/")
    p.add_argument("assignments", nargs="*", choices=[[], *ASSIGNMENTS], help="default: all")
    p.set_defaults(func=cmd_release)
    p = sub.add_parser("check", help="run a notebook and print its public-test table")
    p.add_argument("notebook", help="path to a student notebook (.ipynb)")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("grade", help="autograde COURSE/submitted/<student>/ASSIGNMENT with nbgrader")
    p.add_argument("course", help="course folder holding submitted/ (created with --from)")
    p.add_argument("assignment", choices=ASSIGNMENTS)
    p.add_argument("--from", dest="source", metavar="FOLDER",
                   help="a flat folder of notebooks named by student, as a learning-management system exports them")
    from .grading import LMS_PATTERN
    p.add_argument("--pattern", default=LMS_PATTERN,
                   help="regular expression with a group 'student' matched against each file name "
                        "(default: the text before the first '_' or '.')")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="grade N submissions at a time on this machine (default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="grade on a Dask cluster, e.g. tcp://10.0.0.5:8786 (workers need this course repository installed)")
    p.add_argument("--force", action="store_true", help="grade again the submissions already graded")
    p.add_argument("--db-url", metavar="URL",
                   help="nbgrader's gradebook, any database URL nbgrader accepts, e.g. "
                        "postgresql://user@host/course (default: sqlite COURSE/gradebook.db; kept for later commands)")
    from .trusted import Limits
    p.add_argument("--cell-timeout", type=float, default=Limits.cell_timeout, metavar="S",
                   help=f"seconds one notebook cell may run (default {Limits.cell_timeout:g})")
    p.add_argument("--call-timeout", type=float, default=Limits.call_timeout, metavar="S",
                   help=f"seconds one graded call on one test case may run (default {Limits.call_timeout:g})")
    p.add_argument("--notebook-timeout", type=float, default=Limits.notebook_timeout, metavar="S",
                   help=f"seconds for a whole submission (default {Limits.notebook_timeout:g})")
    p.add_argument("--memory-gb", type=float, default=Limits.memory / (1 << 30), metavar="GB",
                   help=f"memory of one submission's sandbox (default {Limits.memory / (1 << 30):g})")
    p.set_defaults(func=cmd_grade)
    p = sub.add_parser("flags", help="list the flagged submissions and why (hostile code, limits, bad files)")
    p.add_argument("course", help="course folder graded with `nngrader grade`")
    p.add_argument("assignment", choices=ASSIGNMENTS)
    p.set_defaults(func=cmd_flags)
    for name, func, text in (("export", cmd_export, "write the scores per student and function as CSV"),
                             ("feedback", cmd_feedback, "HTML feedback per student with nbgrader generate_feedback")):
        p = sub.add_parser(name, help=text)
        p.add_argument("course", help="course folder graded with `nngrader grade`")
        p.add_argument("assignment", choices=ASSIGNMENTS)
        if name == "export":
            p.add_argument("--csv", help="output file (default: COURSE/ASSIGNMENT_grades.csv)")
        p.set_defaults(func=func)
    p = sub.add_parser("audit", help="prove the checks: correct variants pass, every known mistake is caught")
    p.add_argument("assignments", nargs="*", choices=[[], *ASSIGNMENTS], help="default: all")
    p.set_defaults(func=cmd_audit)
    p = sub.add_parser("demo", help="grade a generated sample class end to end")
    p.add_argument("--out", default=str(ROOT / "demo"), help="course folder to create (default: demo/)")
    p.set_defaults(func=cmd_demo)
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except (ValueError, RuntimeError, OSError) as error:   # one clear line, non-zero exit
        sys.exit(f"error: {str(error).splitlines()[0]}")
    except KeyboardInterrupt:
        print("\ninterrupted: run the same command again to finish (finished grades are kept)", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
