"""Generate every expected output from the hidden reference solution.

    nngrader build-expected

writes, for each assignment, ``solutions/<assignment>/public_tests.json``
(released: the public cases shown in the notebook) and
``solutions/expected/<assignment>.json`` (hidden cases, never released).
Nobody types an expected number by hand; a test regenerates both files
and fails when the committed ones are stale.
"""
import contextlib
import io

import numpy as np

from . import serialize
from .cases import cases_module
from .paths import ASSIGNMENTS, hidden_tests_file, public_tests_file, reference_module


def call(fn, case):
    """Call ``fn`` on a case's arguments, seeding np.random first when the case says so."""
    if case.get("np_seed") is not None:
        np.random.seed(case["np_seed"])
    return fn(*case["args"].values())


def label(spec):
    return ", ".join(f"{k}={v}" for k, v in spec.items())


def build_cases(assignment, which):
    """{function: {"points", "outputs", "cases": [{"label", "args", "np_seed", "expected"}]}}."""
    module = cases_module(assignment)
    ref = reference_module(assignment)
    functions = {}
    for name, points in module.POINTS.items():
        builder, public, hidden = module.CASES[name]
        cases = []
        for spec in public if which == "public" else hidden:
            case = {"label": label(spec), "np_seed": None, **builder(**spec)}
            with contextlib.redirect_stdout(io.StringIO()):   # predict prints its accuracy
                case["expected"] = call(getattr(ref, name), case)
            cases.append(case)
        functions[name] = {"points": points, "outputs": list(module.OUTPUTS[name]), "cases": cases}
    return {"assignment": assignment, "kind": which, "functions": functions}


def render(assignment):
    """{path: text} of both files for an assignment."""
    return {public_tests_file(assignment): serialize.dumps(build_cases(assignment, "public")),
            hidden_tests_file(assignment): serialize.dumps(build_cases(assignment, "hidden"))}


def write_all():
    written = []
    for assignment in ASSIGNMENTS:
        for path, text in render(assignment).items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
