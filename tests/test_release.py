"""Is everything derived from the reference up to date, and does nothing secret reach students?"""
import ast
import json
import re

import nbformat
import numpy as np
import pytest

from conftest import ASSIGNMENT
from grader import expected, figures, notebook, serialize
from grader.cases import cases_module
from grader.compare import RTOL
from grader.paths import RELEASE, SOLUTIONS, ASSIGNMENTS, reference, source_notebook
from grader.release import generate


def same_data(a, b, where="cases"):
    """Equal structure, types and text; numbers equal within the grader's own tolerance.
    OpenBLAS picks its kernels per CPU, so a sum may differ in the last bit from one
    machine to another, and gradient_check's finite differences magnify that to 1e-10."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys differ"
        for k in a:
            same_data(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), f"{where}: lengths differ"
        for i, (x, y) in enumerate(zip(a, b)):
            same_data(x, y, f"{where}[{i}]")
    elif isinstance(a, (np.ndarray, float)):
        assert np.shape(a) == np.shape(b) and np.asarray(a).dtype == np.asarray(b).dtype, where
        assert np.allclose(a, b, rtol=RTOL, atol=1e-9, equal_nan=True), f"{where}: values differ"
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_expected_values_are_regenerated_from_the_reference(assignment):
    for path, text in expected.render(assignment).items():
        committed = serialize.decode(json.loads(path.read_text("utf-8")))
        try:
            same_data(committed, serialize.decode(json.loads(text)))
        except AssertionError as error:
            raise AssertionError(f"{path} is stale ({error}): run `make release`") from None


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebook_is_built_from_its_template(assignment):
    assert source_notebook(assignment).read_text("utf-8") == notebook.render(assignment), \
        "the source notebook is stale: run `make release`"


@pytest.fixture(scope="module")
def fresh_release(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("release")
    for assignment in ASSIGNMENTS:
        generate(assignment, release_dir=tmp / "notebooks", db_url=f"sqlite:///{tmp / 'gradebook.db'}")
    return tmp / "notebooks"


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_committed_release_is_what_nbgrader_generates(fresh_release, assignment):
    committed = sorted(p.relative_to(RELEASE) for p in (RELEASE / assignment).rglob("*") if p.is_file())
    fresh = sorted(p.relative_to(fresh_release) for p in (fresh_release / assignment).rglob("*") if p.is_file())
    assert committed == fresh
    for rel in fresh:
        assert (RELEASE / rel).read_bytes() == (fresh_release / rel).read_bytes(), \
            f"notebooks/{rel} is stale: run `make release`"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_has_no_outputs_and_keeps_every_graded_cell(assignment):
    nb = nbformat.read(RELEASE / assignment / f"{assignment}.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    grade_ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    for i, name in enumerate(cases_module(assignment).POINTS):
        at = grade_ids.index(name)
        assert grade_ids[at + 1] == f"test_{name}", f"the test cell of {name} must follow its answer cell"
        assert nb.cells[at + 1].metadata["nbgrader"]["points"] > 0
        assert "### START CODE HERE ###" in nb.cells[at].source and "### END CODE HERE ###" in nb.cells[at].source


def _regions(text, begin, end):
    inside, lines = False, []
    for line in text.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            lines.append(line.strip())
    return lines


def _significant(lines):
    return {l for l in lines if len(l) >= 12 and not l.startswith(("#", '"""'))}


def secret_and_public_lines():
    """Lines that must not be released, and the lines the source notebooks publish on purpose."""
    secret, public = set(), set()
    cells = [c for a in ASSIGNMENTS for c in nbformat.read(source_notebook(a), as_version=4).cells]
    for cell in cells:
        secret |= _significant(_regions(cell.source, "### BEGIN SOLUTION", "### END SOLUTION"))
        secret |= _significant(_regions(cell.source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"))
        outside = re.sub(r"### BEGIN (SOLUTION|HIDDEN TESTS).*?### END \1", "", cell.source, flags=re.S)
        public |= {l.strip() for l in outside.splitlines()}
    # every line of the reference's graded functions (its other helpers are handed out on purpose)
    graded = {name for a in ASSIGNMENTS for name in cases_module(a).POINTS}
    for module in reference().ASSIGNMENTS.values():
        text = open(module.__file__, encoding="utf-8").read()
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef) and node.name in graded:
                secret |= _significant(l.strip() for l in ast.get_source_segment(text, node).splitlines()[1:])
    return secret - public, public


def test_no_solution_hidden_test_or_reference_line_reaches_students():
    secret, _ = secret_and_public_lines()
    assert len(secret) > 50   # the check has something to look for
    released = {}
    for path in list(RELEASE.rglob("*")) + [SOLUTIONS / "common" / "nn_utils.py"]:
        if path.is_file():
            text = path.read_text("utf-8")
            if path.suffix == ".ipynb":
                text = "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells)
            released[path] = {l.strip() for l in text.splitlines()}
    leaks = {f"{path.name}: {line}" for path, lines in released.items() for line in secret & lines}
    assert not leaks, "secret lines in the release:\n" + "\n".join(sorted(leaks))


def test_leak_check_would_catch_a_leak(tmp_path):
    secret, _ = secret_and_public_lines()
    assert "dW = np.dot(dZ, A_prev.T) / m" in secret
    assert "run_hidden(\"deep_nn_step_by_step\", \"linear_backward\", linear_backward)" in secret


def test_hidden_reference_and_expected_data_stay_outside_assignment_folders():
    for assignment in ASSIGNMENTS:
        names = {p.name for p in (RELEASE / assignment).rglob("*")}
        figures_here = set(figures.FIGURES.get(assignment, {}))
        assert names - {"dnn_blocks.py", "gc_utils.py"} - figures_here == {
            f"{assignment}.ipynb", "nn_utils.py", "public_tests.json"}
    assert not (SOLUTIONS / ASSIGNMENT / "reference").exists()
