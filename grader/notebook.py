"""Build the nbgrader source notebooks from the templates in ``solutions/templates``.

A template is the notebook as text, one cell after each ``%% <kind> [name]`` line:

* ``%% markdown`` and ``%% code``: ordinary cells;
* ``%% answer <function>``: the graded function's answer cell (grade_id = function);
* ``%% test <function>``: its test cell (grade_id = test_<function>), generated here:
  the public tests, then the hidden tests between nbgrader's HIDDEN TESTS markers.

In markdown, ``{{points_table}}`` becomes the table of graded functions and
``{{output}}`` (``{{output_of_next}}``) the printed output of the code cell just
before (after) it, run with the reference solution: every "Expected output" comes from the reference, none is typed.
"""
import contextlib
import copy
import io
import re

import nbformat
import numpy as np

from . import serialize
from .cases import cases_module
from .display import show
from .paths import TEMPLATES, public_tests_file, reference_module, source_notebook

CELL = re.compile(r"(?m)^%% (markdown|code|answer|test)[ \t]*(\w*)[ \t]*\n")

TEST_CELL = '''\
# Public tests: "all tests passed", or what differs. Hidden tests on other seeds
# and shapes run when your notebook is graded.
check("{name}", {name})
### BEGIN HIDDEN TESTS
from grader.checks import run_hidden
run_hidden("{assignment}", "{name}", {name})
### END HIDDEN TESTS'''


def parse(text):
    """[(kind, name, source), ...] in template order."""
    parts = CELL.split(text)
    return [(parts[i], parts[i + 1], parts[i + 2].strip("\n")) for i in range(1, len(parts), 3)]


def _nbgrader(grade_id, solution=False, grade=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": not solution, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def points_table(points):
    rows = [f"| `{name}` | {p} |" for name, p in points.items()]
    return "\n".join(["| function | points |", "|---|---|", *rows, f"| **total** | **{sum(points.values())}** |"])


def example_namespace(assignment):
    """What a "try it" cell sees when the builder runs it: the reference in place of the student."""
    ref = reference_module(assignment)
    public = serialize.load(public_tests_file(assignment))["functions"]
    module = cases_module(assignment)
    namespace = {"np": np, "copy": copy, "show": show,
                 "public_case": lambda name, index=0: copy.deepcopy(public[name]["cases"][index]["args"])}
    namespace.update({n: getattr(ref, n) for n in (*module.POINTS, *module.PROVIDED)})
    return namespace


def run_example(source, namespace):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<example>", "exec"), namespace)
    return out.getvalue().rstrip("\n")


def _nearest_code(cells, i, step):
    """Source of the nearest plain code cell before (step -1) or after (step +1) cell i."""
    j = i + step
    while cells[j][0] != "code":
        j += step
    return cells[j][2]


def build(assignment):
    module = cases_module(assignment)
    namespace = example_namespace(assignment)
    template = parse((TEMPLATES / f"{assignment}.nb").read_text("utf-8"))
    cells = []
    for i, (kind, name, source) in enumerate(template):
        if kind == "markdown":
            source = source.replace("{{points_table}}", points_table(module.POINTS))
            for marker, step in (("{{output}}", -1), ("{{output_of_next}}", 1)):
                if marker in source:
                    printed = run_example(_nearest_code(template, i, step), namespace)
                    source = source.replace(marker, "```\n" + printed + "\n```")
            cell = nbformat.v4.new_markdown_cell(source)
        elif kind == "code":
            cell = nbformat.v4.new_code_cell(source)
        elif kind == "answer":
            cell = nbformat.v4.new_code_cell(source, metadata=_nbgrader(name, solution=True))
        else:
            cell = nbformat.v4.new_code_cell(TEST_CELL.format(assignment=assignment, name=name),
                                             metadata=_nbgrader(f"test_{name}", grade=True,
                                                                points=module.POINTS[name]))
        cell.id = cell.metadata.get("nbgrader", {}).get("grade_id", f"cell-{i:03d}").replace("_", "-")
        cells.append(cell)
    nb = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}})
    nbformat.validate(nb)
    return nb


def render(assignment):
    return nbformat.writes(build(assignment)) + "\n"


def write(assignment):
    path = source_notebook(assignment)
    path.write_text(render(assignment), encoding="utf-8")
    return path
