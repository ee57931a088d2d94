"""``nngrader audit``: prove the checks on real code, without nbgrader (seconds).

Every correct implementation (the source notebook's solution and the
``style_*.py`` fixtures) must pass every public and hidden test; every
catalogued mistake must fail the hidden test of its own function, show its
own hint, and leave every other function's tests passing.
"""
import importlib.util
import sys
from dataclasses import dataclass, field

from . import submissions
from .cases import cases_module
from .checks import CheckFailed, run_hidden, run_public
from .mistakes import catalogue
from .paths import SOLUTIONS, public_tests_file


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module          # dnn_blocks imports nn_utils by name
    spec.loader.exec_module(module)
    return module


def notebook_namespace(assignment):
    """What a student's answer cell sees: numpy, copy and the helpers the notebook provides."""
    helpers = [_load(p.stem, p) for p in sorted((SOLUTIONS / assignment).glob("*.py"), key=lambda p: p.stem != "nn_utils")]
    namespace = {"__name__": "__main__"}
    exec("import copy\nimport numpy as np", namespace)
    for name in cases_module(assignment).PROVIDED:
        namespace[name] = next(getattr(h, name) for h in reversed(helpers) if hasattr(h, name))
    return namespace


def load_answers(assignment, sources):
    """Define answer-cell sources {function: source} in one fresh notebook-like namespace."""
    namespace = notebook_namespace(assignment)
    for source in sources.values():
        exec(compile(source, "<answer>", "exec"), namespace)
    return namespace


def grade(assignment, namespace, name):
    """(public passed, hidden passed, hidden message) of one function in a namespace."""
    results = []
    for run in (lambda: run_public(name, namespace[name], public_tests_file(assignment), quiet=True),
                lambda: run_hidden(assignment, name, namespace[name], quiet=True)):
        try:
            run()
            results.append((True, ""))
        except CheckFailed as failure:
            results.append((False, str(failure)))
    return results[0][0], results[1][0], results[1][1]


@dataclass
class Report:
    correct_tried: int = 0
    correct_full_marks: int = 0
    mistakes_tried: int = 0
    mistakes_caught: int = 0
    hints_matched: int = 0
    collateral: int = 0          # other functions that lost points because of a mistake
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def summary(self):
        return (f"correct variants tried: {self.correct_tried} (full marks: {self.correct_full_marks}); "
                f"mistakes tried: {self.mistakes_tried}, caught: {self.mistakes_caught}, "
                f"hints matched: {self.hints_matched}, other functions affected: {self.collateral}")


def audit(assignment):
    functions = list(cases_module(assignment).POINTS)
    solution = submissions.solution_answers(assignment)
    correct = {"solution": solution, **submissions.style_answers(assignment)}
    report = Report()
    for style, answers in correct.items():
        namespace = load_answers(assignment, {**solution, **answers})
        report.correct_tried += 1
        failing = [(n, m) for n in functions for public, hidden, m in [grade(assignment, namespace, n)]
                   if not (public and hidden)]
        report.correct_full_marks += not failing
        report.problems += [f"correct {style}: {n} lost points: {m}" for n, m in failing]
    for mistakes in catalogue(assignment).values():
        for known in mistakes:
            report.mistakes_tried += 1
            namespace = load_answers(assignment, {**solution, known.function: submissions.mistake_answer(known)})
            for name in functions:
                _, hidden, message = grade(assignment, namespace, name)
                if name == known.function:
                    report.mistakes_caught += not hidden
                    report.hints_matched += f"Hint: {known.hint}" in message
                    if hidden or f"Hint: {known.hint}" not in message:
                        report.problems.append(f"mistake {known.function}/{known.name}: "
                                               f"{'kept its points' if hidden else 'wrong hint: ' + message}")
                elif not hidden:
                    report.collateral += 1
                    report.problems.append(f"mistake {known.function}/{known.name} cost {name}: {message}")
    return report
