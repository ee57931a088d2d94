"""Release: build source notebooks and expected values, then ``nbgrader generate_assignment``.

The student release in ``notebooks/`` is committed; ``tests/test_release.py``
regenerates it in a temporary folder and fails when the committed one is stale.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import expected, figures, notebook
from .paths import ASSIGNMENTS, RELEASE, ROOT, SOLUTIONS


def nbgrader_env():
    """nbgrader runs ``alembic`` and Jupyter kernels from PATH: put this Python's bin first."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def nbgrader(*args, cwd, check=True):
    """Run the real nbgrader command line with the course's configuration in ``cwd``."""
    cmd = [str(Path(sys.executable).parent / "nbgrader"), *args]
    result = subprocess.run(cmd, cwd=cwd, env=nbgrader_env(), capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[1:3])} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def build_sources(assignments=ASSIGNMENTS):
    """Expected values first (the notebooks' examples read the public cases), the figures, then the notebooks."""
    expected.write_all()
    figures.write_all()
    return [notebook.write(a) for a in assignments]


def generate(assignment, release_dir=RELEASE, db_url=None):
    """``nbgrader generate_assignment`` into ``release_dir`` (outputs cleared by nbgrader)."""
    release_dir = Path(release_dir)
    target = release_dir / assignment
    if target.exists():
        shutil.rmtree(target)
    args = ["generate_assignment", assignment, "--force",
            f"--CourseDirectory.root={ROOT}", f"--CourseDirectory.source_directory={SOLUTIONS}",
            f"--CourseDirectory.release_directory={release_dir}"]
    if db_url:
        args.append(f"--CourseDirectory.db_url={db_url}")
    nbgrader(*args, cwd=ROOT)
    return target


def release(assignments=ASSIGNMENTS, release_dir=RELEASE, db_url=None):
    build_sources(assignments)
    return [generate(a, release_dir, db_url) for a in assignments]
