"""Where things live in the course repository (never the current directory)."""
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
RELEASE = ROOT / "notebooks"
HIDDEN_EXPECTED = SOLUTIONS / "expected"   # outside every assignment folder
TEMPLATES = SOLUTIONS / "templates"
# assignments that exist so far, in course order
ASSIGNMENTS = ("planar_classifier", "deep_nn_step_by_step", "deep_nn_application", "gradient_checking")


def source_notebook(assignment):
    return SOLUTIONS / assignment / f"{assignment}.ipynb"


def public_tests_file(assignment):
    """Public cases and their expected outputs: copied into the release."""
    return SOLUTIONS / assignment / "public_tests.json"


def hidden_tests_file(assignment):
    return HIDDEN_EXPECTED / f"{assignment}.json"


@lru_cache(maxsize=None)
def reference():
    """The hidden reference package ``solutions/reference`` (instructors only)."""
    init = SOLUTIONS / "reference" / "__init__.py"
    if not init.exists():
        raise ImportError("The hidden reference solution is not here: grading needs the instructor's "
                          "copy of the course repository (solutions/reference).")
    name = "course_reference"
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(init.parent)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def reference_module(assignment):
    return reference().ASSIGNMENTS[assignment]
