"""Test cases as data: one module per assignment.

Each module defines ``ASSIGNMENT``, ``POINTS`` (graded function -> points, in
notebook order), ``OUTPUTS`` (names of what each function returns),
``PROVIDED`` (helper names the notebook gives the student) and ``CASES``:
function -> (builder, public specs, hidden specs). A builder turns a spec
(seed and shapes) into the call's arguments; expected outputs come from the
reference solution (``grader.expected``), never from a hand-typed number.
"""
import importlib

from ..paths import ASSIGNMENTS


def cases_module(assignment):
    if assignment not in ASSIGNMENTS:
        raise KeyError(f"unknown assignment {assignment!r}; known: {', '.join(ASSIGNMENTS)}")
    return importlib.import_module(f"{__name__}.{assignment}")
