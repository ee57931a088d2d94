"""Build realistic submissions: the release notebook with answer cells filled in.

Used by ``nngrader demo`` and by the tests that grade through real nbgrader.
Answers come from the source notebook's solutions, from correct variants in
other styles (``tests/fixtures/<assignment>/style_*.py``) and from the
mistake catalogue, so every sample is real code, not a faked score.
"""
import ast
import inspect
import re

import nbformat

from .mistakes import catalogue
from .paths import RELEASE, ROOT, source_notebook

FIXTURES = ROOT / "tests" / "fixtures"


def function_sources(text):
    """{name: source} of the top-level functions in Python source ``text``."""
    tree = ast.parse(text)
    return {node.name: ast.get_source_segment(text, node) for node in tree.body
            if isinstance(node, ast.FunctionDef)}


def solution_answers(assignment):
    """The source notebook's answer cells, as a student who solved them would have them."""
    nb = nbformat.read(source_notebook(assignment), as_version=4)
    answers = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            lines = [l for l in cell.source.splitlines() if "### BEGIN SOLUTION" not in l and "### END SOLUTION" not in l]
            answers[meta["grade_id"]] = "\n".join(lines)
    return answers


def style_answers(assignment):
    """{style name: {function: source}} from the correct-variant fixtures."""
    return {path.stem: function_sources(path.read_text("utf-8"))
            for path in sorted((FIXTURES / assignment).glob("style_*.py"))}


def mistake_answer(known):
    """A mistake's implementation as a student's answer cell: renamed, undecorated, helpers included."""
    module = inspect.getmodule(known.impl)
    source = inspect.getsource(known.impl)
    source = "\n".join(l for l in source.splitlines() if not l.startswith("@"))
    source = re.sub(rf"def {known.name}\(", f"def {known.function}(", source, count=1)
    helpers = [inspect.getsource(getattr(module, n)) for n in known.impl.__code__.co_names
               if n.startswith("_") and inspect.isfunction(getattr(module, n, None))]
    return "\n\n".join([*helpers, source])


def mistake_groups(assignment):
    """Lists of mistakes with at most one mistake per function: each list is one submission."""
    groups = []
    for mistakes in catalogue(assignment).values():
        for i, known in enumerate(mistakes):
            if i == len(groups):
                groups.append([])
            groups[i].append(known)
    return groups


def fill(assignment, answers, release_dir=RELEASE):
    """The release notebook with the answer cells named in ``answers`` replaced."""
    nb = nbformat.read(release_dir / assignment / f"{assignment}.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in answers:
            cell.source = answers[grade_id]
    return nbformat.writes(nb)


def sample_class(assignment, per_function=None):
    """{student id: notebook text}: a class with every kind of submission.

    By default the catalogued mistakes are grouped, at most one per function in a
    submission (a small class for the tests); with ``per_function=k`` each of the
    first k mistakes of every function is a submission of its own (the demo)."""
    solution = solution_answers(assignment)
    students = {"complete": fill(assignment, solution), "untouched": fill(assignment, {})}
    for style, answers in style_answers(assignment).items():
        students[style.replace("_", "-")] = fill(assignment, {**solution, **answers})
    only_bug = next(m for m in catalogue(assignment)["linear_backward"] if m.name == "dW_over_2")
    students["bug-linear-backward"] = fill(assignment, {**solution, "linear_backward": mistake_answer(only_bug)})
    if per_function is None:
        for i, group in enumerate(mistake_groups(assignment), 1):
            students[f"mistakes-{i}"] = fill(assignment, {**solution, **{m.function: mistake_answer(m) for m in group}})
    else:
        for mistakes in catalogue(assignment).values():
            for known in mistakes[:per_function]:
                students[f"{known.function}-{known.name}".replace("_", "-")] = fill(
                    assignment, {**solution, known.function: mistake_answer(known)})
        endless = dict(solution)
        endless["relu_backward"] = solution["relu_backward"].replace("    Z = cache\n", "    Z = cache\n    while True:\n        pass\n", 1)
        students["endless-loop"] = fill(assignment, endless)
    crashing = dict(solution)
    crashing["L_model_forward"] = 'raise RuntimeError("a cell that crashes")\n' + solution["L_model_forward"]
    students["crashes"] = fill(assignment, crashing)
    return students
