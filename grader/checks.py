"""Run a graded function on its cases and say, for a beginner, what is wrong.

Public checks (``run_public``) run in the student's notebook, on the cases
shown there, and may show expected values. Hidden checks (``run_hidden``) run
at grading time on cases the student never saw and never print a hidden
expected value. Both:

* call the function with the reference versions of the other graded functions
  swapped into the student's namespace (isolation: a bug in ``linear_forward``
  costs ``linear_forward`` only), restored afterwards even when the call raises;
* compare with generic rules (``grader.compare``) and check that the inputs
  were left unmodified and that the global RNG is not reseeded;
* on a difference, look the student's output up in the mistake catalogue.
"""
import contextlib
import copy
import functools
import io
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import serialize
from .cases import cases_module
from .compare import Difference, first_difference, identical
from .expected import call
from .mistakes import catalogue
from .paths import hidden_tests_file, reference_module

UNFINISHED = (NameError, UnboundLocalError)


class CheckFailed(AssertionError):
    """A graded function gave a wrong result; the message says what and why."""

    def _render_traceback_(self):
        # IPython shows these lines instead of a traceback through the grader's own code:
        # the student needs the message, not checks.py
        first, *rest = str(self).splitlines() or [""]
        return [f"\x1b[0;31mCheckFailed\x1b[0m: {first}", *rest]


class LimitExceeded(Exception):
    """A call ran past a grading limit (time, memory) or ended the grading process."""


@dataclass
class Outcome:
    output: object = None
    error: BaseException = None
    changed: str = None        # name of an argument the call modified, if any


@contextmanager
def swapped(namespace, replacements):
    """Temporarily bind ``replacements`` in ``namespace`` (a module's or notebook's globals)."""
    absent = object()
    saved = {name: namespace.get(name, absent) for name in replacements}
    namespace.update(replacements)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is absent:
                namespace.pop(name, None)
            else:
                namespace[name] = value


@contextmanager
def quiet():
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


def run(fn, case, callees=None):
    """Call ``fn`` on a private copy of the case's arguments, with ``callees`` swapped
    into its globals; report what it returned or raised and which argument it changed."""
    args = copy.deepcopy(case["args"])
    # nbgrader scores a test cell 0 when it writes to stderr: keep the student's
    # prints and NumPy warnings out of the test cell's output.
    with swapped(fn.__globals__, callees or {}), quiet():
        try:
            output = call(fn, dict(case, args=args))
        except Exception as error:   # the student's code may raise anything
            return Outcome(error=error)
    changed = next((n for n in args if not identical(case["args"][n], args[n])), None)
    return Outcome(output=output, changed=changed)


def compare_outputs(expected, got, outputs):
    """First difference of a function's return value, naming outputs as the notebook does."""
    if len(outputs) == 1:
        return first_difference(expected, got, outputs[0])
    names = ", ".join(outputs)
    if not isinstance(got, (tuple, list)) or len(got) != len(outputs):
        shown = f"{len(got)} values" if isinstance(got, (tuple, list)) else f"a {type(got).__name__}"
        text = f"it should return {len(outputs)} values ({names}) but returned {shown}."
        return Difference(text, text)
    for e, g, name in zip(expected, got, outputs):
        diff = first_difference(e, g, name)
        if diff:
            return diff
    return None


def problem(outcome, expected, outputs, public):
    """One sentence saying what is wrong with an outcome, or None when it is right."""
    if isinstance(outcome.error, NotImplementedError):
        return ("it is not written yet: replace `raise NotImplementedError()` between "
                "START CODE HERE and END CODE HERE with your code.")
    if isinstance(outcome.error, LimitExceeded):
        return str(outcome.error)
    if outcome.error is not None:
        text = f"it raised {type(outcome.error).__name__}: {outcome.error}"
        if isinstance(outcome.error, UNFINISHED):
            text += " (is the code between START CODE HERE and END CODE HERE complete?)"
        return text
    try:
        diff = compare_outputs(expected, outcome.output, outputs)
    except Exception as error:      # an output so odd that NumPy cannot even hold it
        return f"its output could not be compared with the expected one ({type(error).__name__}: {error})."
    if diff:
        return diff.public if public else diff.hidden
    if outcome.changed:
        return f"the output is right, but it changed its argument {outcome.changed!r} in place."
    return None


def same_behaviour(a, b):
    if a.error is not None or b.error is not None:
        return (a.error is not None and b.error is not None and type(a.error).__name__ == type(b.error).__name__
                and (str(a.error) == str(b.error) or isinstance(a.error, UnboundLocalError)))
    return first_difference(a.output, b.output) is None and (a.changed is None) == (b.changed is None)


def diagnose(runner, case, outcome, mistakes, mistake_callees):
    """The hint of the catalogued mistake that behaves exactly like the student's code."""
    for known in mistakes:
        if same_behaviour(run(known.impl, case, mistake_callees), outcome):
            return known.hint
    if case.get("np_seed") is not None and outcome.error is None:
        # Reseeding inside the function makes its output ignore the caller's seed.
        again = runner(dict(case, np_seed=case["np_seed"] + 1))
        if again.error is None and first_difference(outcome.output, again.output) is None:
            return "The function calls np.random.seed itself: remove it, the caller seeds the generator."
    return None


@functools.lru_cache(maxsize=None)
def load(path):
    return serialize.load(path)


def reference_callees(assignment, name):
    """Reference versions of every other graded function and of the provided helpers."""
    ref = reference_module(assignment)
    module = cases_module(assignment)
    names = [n for n in module.POINTS if n != name] + list(module.PROVIDED)
    return {n: getattr(ref, n) for n in names}


def own_callees(assignment, fn):
    module = cases_module(assignment)
    return {n: fn.__globals__[n] for n in (*module.POINTS, *module.PROVIDED) if n in fn.__globals__}


def calls_graded(assignment, name, fn):
    graded = set(cases_module(assignment).POINTS) - {name}
    return sorted(graded & set(getattr(getattr(fn, "__code__", None), "co_names", ())))


def check(data, name, runner, public, fn=None):
    """None when every case of ``name`` in ``data`` (a loaded cases file) passes, else the message.

    ``runner(case)`` calls the student's function and returns an ``Outcome``: in the
    notebook it is ``run`` on the function itself, at grading time a call into the
    sandbox (``grader.trusted``)."""
    assignment = data["assignment"]
    entry = data["functions"][name]
    cases, outputs = entry["cases"], entry["outputs"]
    kind = "public" if public else "hidden"
    failures = []
    for i, case in enumerate(cases, 1):
        outcome = runner(case)
        text = problem(outcome, case["expected"], outputs, public)
        if text:
            failures.append((i, case, outcome, text))
            if isinstance(outcome.error, LimitExceeded):
                break              # an endless loop: no need to wait for it on every case
    if not failures:
        return None
    i, case, outcome, text = failures[0]
    hint = None
    if not isinstance(outcome.error, LimitExceeded):
        try:
            mistake_callees = reference_callees(assignment, None)
        except ImportError:
            mistake_callees = own_callees(assignment, fn) if fn is not None else {}
        hint = diagnose(runner, case, outcome, catalogue(assignment).get(name, []), mistake_callees)
    many = f"{len(failures)} of {len(cases)} {kind} cases; first, " if len(failures) > 1 else f"{kind} "
    message = f"{name} failed {many}case {i} ({case['label']}): {text}"
    return message + (f"\nHint: {hint}" if hint else "")


def check_function(data, name, fn, public, callees):
    """``check`` on a function of this process (the notebook's own kernel)."""
    if not callable(fn):
        return f"{name} should be a function, but it is {type(fn).__name__}."
    return check(data, name, functools.partial(run, fn, callees=callees), public, fn)


def run_public(name, fn, data_file, quiet=False):
    """The public test under a graded function: prints a pass line or raises CheckFailed."""
    __tracebackhide__ = True
    data = load(Path(data_file))
    try:
        callees = reference_callees(data["assignment"], name)
    except ImportError:          # a student's copy without the instructor's reference
        callees = None
    message = check_function(data, name, fn, True, callees)
    if message and callees is None and calls_graded(data["assignment"], name, fn):
        message += f"\nIt calls {', '.join(calls_graded(data['assignment'], name, fn))}: make sure their tests pass first."
    if message:
        raise CheckFailed(message)
    n = len(data["functions"][name]["cases"])
    if quiet:
        return
    print(f"{name}: all tests passed ({n} public case{'s' * (n > 1)}).")


def run_hidden(assignment, name, fn, quiet=False):
    """The hidden test (grading only): reference callees, hidden cases, no expected values shown."""
    __tracebackhide__ = True
    data = load(hidden_tests_file(assignment))
    message = check_function(data, name, fn, False, reference_callees(assignment, name))
    if message:
        raise CheckFailed(message)
    if not quiet:
        print(f"{name}: all {len(data['functions'][name]['cases'])} hidden tests passed.")
