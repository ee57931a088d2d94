"""Is the project installable the way the README says?"""
import re
import tomllib

from grader.paths import ROOT


def requirement_ranges_pyproject():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return set(data["project"]["dependencies"]) | set(data["project"]["optional-dependencies"]["dev"])


def requirement_ranges_environment():
    lines = (ROOT / "environment.yml").read_text().splitlines()
    start = lines.index("  - pip:")
    return {l.strip()[2:] for l in lines[start + 1:] if l.strip().startswith("- ") and l.strip() != "- -e ."}


def test_environment_yml_and_pyproject_have_the_same_ranges():
    assert requirement_ranges_environment() == requirement_ranges_pyproject()


def test_dependencies_are_ranges_not_pins():
    for requirement in requirement_ranges_pyproject():
        assert "==" not in requirement and re.search(r">=.*,<", requirement), requirement


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text().split("\n## ")[0]
    assert "make demo" in head and "make test" in head


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_top_level_layout():
    for name in ("README.md", "notebooks", "solutions", "grader", "datasets", "environment.yml", "tests",
                 "pyproject.toml", "Makefile", "nbgrader_config.py"):
        assert (ROOT / name).exists(), name
