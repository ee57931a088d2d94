"""Do the notebooks read like a textbook? Structure every notebook must have, and the figures."""
import re
import xml.etree.ElementTree as ET

import nbformat
import pytest

from grader import figures
from grader.cases import cases_module
from grader.paths import ASSIGNMENTS, RELEASE

PLOT = re.compile(r"\bplt\.|plot_\w+\(|show_images|imshow")


def release(assignment):
    return nbformat.read(RELEASE / assignment / f"{assignment}.ipynb", as_version=4)


def notation_table(nb):
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    match = re.search(r"## Notation\n\n(\|.*?\n)\n", text, re.S)
    return match.group(1) if match else None


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_notebook_says_what_you_build_and_why_lists_its_points_and_ends_with_what_next(assignment):
    nb = release(assignment)
    first, last = nb.cells[0], nb.cells[-1]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert len(first.source.split("\n\n")) >= 3, "a title, what you build, and why"
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for name, points in cases_module(assignment).POINTS.items():
        assert re.search(rf"\| `{name}` \| {points} \|", text), f"{name} is missing from the points table"
    assert last.cell_type == "markdown" and last.source.startswith("## What next")
    assert last.source.count("\n* ") >= 2


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_plot_is_explained_in_the_text_that_follows(assignment):
    cells = release(assignment).cells
    unexplained = [c.source[:60] for c, after in zip(cells, cells[1:] + [None])
                   if c.cell_type == "code" and PLOT.search(c.source)
                   and (after is None or after.cell_type != "markdown" or len(after.source) < 40)]
    assert not unexplained


def test_the_first_notebook_has_the_notation_table_and_the_next_uses_the_same():
    first = notation_table(release(ASSIGNMENTS[0]))
    assert first and "$W^{[l]}$" in first and "$A^{[l]}$" in first
    assert notation_table(release("deep_nn_step_by_step")) == first


def test_figures_are_generated_well_formed_released_and_used():
    for path, text in figures.render().items():
        assert path.read_text("utf-8") == text, f"{path} is stale: run `make release`"
        ET.fromstring(text)
        assert (RELEASE / path.parent.name / path.name).read_text("utf-8") == text
    for assignment in ASSIGNMENTS:
        text = "\n".join(c.source for c in release(assignment).cells if c.cell_type == "markdown")
        for image in re.findall(r"!\[[^\]]+\]\(([^)]+)\)", text):
            assert (RELEASE / assignment / image).exists(), image
    used = {m for a in figures.FIGURES for m in figures.FIGURES[a]}
    assert len(used) == 4
