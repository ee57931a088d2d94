"""Grading speed: stock ``nbgrader autograde`` vs ``nngrader grade``, same class, same machine, one run.

    python benchmarks/grading.py [--assignment A] [--students N] [--jobs J]

Both grade the same sample class (correct notebooks in three styles, every
catalogued mistake, untouched, crashing) into their own course folder:

* stock: ``nbgrader autograde A`` with nbgrader's own preprocessors: each
  notebook runs top to bottom in a fresh Jupyter kernel, hidden tests included;
* ours: ``grader.grading.autograde`` with one worker (``--jobs`` adds a second
  line with more): the sandbox runs the answer cells and the definitions only,
  the checks are made outside it, then nbgrader's autograde (TrustedGrade in
  place of Execute) fills the gradebook.

Asserts that every student gets the same score for every graded function both
ways, then prints submissions per second and the ratio, and where the time goes.
"""
import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from grader import grading, submissions, trusted
from grader.release import nbgrader


def sample(assignment, n):
    """n submissions cycling through a sample class (copies get new student ids): the
    solution, the correct variants in other styles, each group of catalogued mistakes,
    the untouched release."""
    solution = submissions.solution_answers(assignment)
    base = {"complete": submissions.fill(assignment, solution), "untouched": submissions.fill(assignment, {})}
    for style, answers in submissions.style_answers(assignment).items():
        base[style] = submissions.fill(assignment, {**solution, **answers})
    for i, group in enumerate(submissions.mistake_groups(assignment), 1):
        base[f"mistakes{i}"] = submissions.fill(
            assignment, {**solution, **{m.function: submissions.mistake_answer(m) for m in group}})
    names = sorted(base)
    return {f"{names[i % len(names)]}-{i // len(names)}": base[names[i % len(names)]] for i in range(n)}


def course(root, name, assignment, students, trusted_grading):
    folder = root / name
    grading.setup_course(folder, assignment, trusted=trusted_grading)
    for student, text in students.items():
        grading.submit(folder, assignment, student, text)
    return folder


def profile_ours(assignment, text):
    """Seconds for: a sandbox start, the notebook's cells in it, the graded calls and checks."""
    nb = nbformat.reads(text, as_version=4)
    cells, _ = trusted.plan(assignment, nb)
    t0 = time.perf_counter()
    box = trusted.Sandbox(assignment)
    box.run_cells([])
    t1 = time.perf_counter()
    box.close()
    t2 = time.perf_counter()
    verdict = trusted.grade_notebook(assignment, nb)
    t3 = time.perf_counter()
    return {"start": t1 - t0, "cells and calls": (t3 - t2) - (t1 - t0), "cells run": len(cells),
            "verdict": verdict["seconds"]}


def profile_stock(assignment, text):
    """Seconds for: starting a kernel, running every cell of the notebook in it."""
    from nbclient import NotebookClient
    from grader.paths import RELEASE
    empty = nbformat.v4.new_notebook()
    empty.cells = [nbformat.v4.new_code_cell("1")]
    t0 = time.perf_counter()
    NotebookClient(empty, kernel_name="python3").execute()
    t1 = time.perf_counter()
    nb = nbformat.reads(text, as_version=4)
    NotebookClient(nb, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(RELEASE / assignment)}}).execute()
    t2 = time.perf_counter()
    return {"kernel": t1 - t0, "all cells": (t2 - t1) - (t1 - t0),
            "code cells": sum(c.cell_type == "code" for c in nb.cells)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--assignment", default="deep_nn_step_by_step")
    parser.add_argument("--students", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2, help="also time ours with this many workers (1: skip)")
    args = parser.parse_args(argv)
    a = args.assignment
    students = sample(a, args.students)
    root = Path(tempfile.mkdtemp(prefix="nngrader-bench-"))
    try:
        stock = course(root, "stock", a, students, trusted_grading=False)
        ours = course(root, "ours", a, students, trusted_grading=True)

        t = time.perf_counter()
        nbgrader("autograde", a, "--create", "--force", cwd=stock)
        stock_s = time.perf_counter() - t
        t = time.perf_counter()
        grading.autograde(ours, a)
        ours_s = time.perf_counter() - t

        expected, got = grading.scores(stock, a), grading.scores(ours, a)
        differ = {s: (expected.get(s), got.get(s)) for s in students if expected.get(s) != got.get(s)}
        assert not differ, f"scores differ: {differ}"
        n = len(students)
        print(f"{a}: {n} submissions, identical scores per student and function both ways")
        print(f"stock nbgrader autograde : {n / stock_s:6.2f} submissions/s ({stock_s:.1f} s)")
        print(f"nngrader grade --jobs 1  : {n / ours_s:6.2f} submissions/s ({ours_s:.1f} s)")
        print(f"ratio ours/stock         : {stock_s / ours_s:6.2f}x (one worker each)")
        if args.jobs > 1:
            parallel = course(root, "parallel", a, students, trusted_grading=True)
            t = time.perf_counter()
            grading.autograde(parallel, a, jobs=args.jobs)
            jobs_s = time.perf_counter() - t
            assert grading.scores(parallel, a) == got
            print(f"nngrader grade --jobs {args.jobs}  : {n / jobs_s:6.2f} submissions/s "
                  f"({jobs_s:.1f} s), ratio {stock_s / jobs_s:.2f}x")

        verdict_s = statistics.mean(
            __import__("json").loads(p.read_text())["seconds"]
            for p in (ours / ".nngrader" / a / "verdicts").glob("*.json"))
        complete = students[next(s for s in students if s.startswith("complete"))]
        mine, theirs = profile_ours(a, complete), profile_stock(a, complete)
        print("\nwhere the time goes, per submission (a complete notebook):")
        print(f"  stock: kernel start {theirs['kernel']:.2f} s + all {theirs['code cells']} code cells "
              f"{theirs['all cells']:.2f} s (examples, training runs, plots, hidden tests) + nbgrader "
              f"{max(stock_s / n - theirs['kernel'] - theirs['all cells'], 0):.2f} s")
        print(f"  ours : sandbox start {mine['start']:.2f} s + {mine['cells run']} cells (definitions) "
              f"and the graded calls {mine['cells and calls']:.2f} s; mean verdict over the class "
              f"{verdict_s:.2f} s; nbgrader's gradebook pass {max(ours_s / n - verdict_s, 0):.2f} s")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
