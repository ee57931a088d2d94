"""The student's experience in a real JupyterLab, driven by headless Chromium (Playwright).

A JupyterLab server from this environment runs on 127.0.0.1 with a token over a
copy of the released ``planar_classifier`` folder. The browser types an answer
into the ``layer_sizes`` stub through the editor, runs the notebook from the
menu and reads what a student would read: the public test's verdict and the
data plot; a second run with a classic mistake must show its hint. Screenshots
go to ``test-artifacts/``. nbgrader's JupyterLab extensions are checked in the
same server: the student's Validate button, the instructor's formgrader.

Chromium comes from Debian (``make browser`` installs it when it can); without
it the test is skipped and says why.
"""
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from grader import submissions
from grader.mistakes import catalogue
from grader.paths import RELEASE, ROOT

ASSIGNMENT = "planar_classifier"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package `chromium`; "
                                                "`make browser` installs it where apt-get may be used)"),
]
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency: pip install -e '.[dev]'")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """(base URL, token, root folder) of a JupyterLab serving a copy of the release."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(RELEASE / ASSIGNMENT, root / ASSIGNMENT)
    port, token = free_port(), secrets.token_hex(16)
    # every cell rendered (no windowing), so the browser finds any cell as a student scrolls to it
    settings = root / ".settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    # the instructor's side: formgrader reads the course from nbgrader_config.py in the server's
    # folder; nbgrader wants the course folder inside the server's root
    (root / "course").mkdir()
    (root / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.root = {str(root / 'course')!r}\n"
        f"c.CourseDirectory.source_directory = {str(ROOT / 'solutions')!r}\n"
        f"c.CourseDirectory.db_url = {'sqlite:///' + str(root / 'course' / 'gradebook.db')!r}\n")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               JUPYTER_CONFIG_DIR=str(root / ".jupyter"))
    log = open(root / "lab.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--ServerApp.allow_root=True",
         "--LabApp.news_url=", f"--LabApp.user_settings_dir={root / '.settings'}"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
    yield url, token, root
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield chromium
        chromium.close()


def open_notebook(browser, lab, name):
    url, token, root = lab
    shutil.copy(root / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", root / ASSIGNMENT / f"{name}.ipynb")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    # a workspace of its own: JupyterLab would otherwise reopen the previous test's tabs
    page.goto(f"{url}/lab/workspaces/{name}/tree/{ASSIGNMENT}/{name}.ipynb?reset&token={token}")
    page.wait_for_selector(".jp-Notebook .jp-CodeCell .cm-content", timeout=120_000)
    return page


def type_answer(page, answer):
    """Replace the layer_sizes stub through the editor, as a student would (select all, type)."""
    cell = page.locator(".jp-NotebookPanel").filter(visible=True).locator(".jp-CodeCell").filter(
        has_text="def layer_sizes(X, Y)").first
    cell.scroll_into_view_if_needed()
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(answer)      # one input event: no auto-indent, no closing brackets
    assert "raise NotImplementedError" not in cell.locator(".cm-content").inner_text()


def run_all(page):
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()


def test_a_correct_answer_typed_in_jupyterlab_passes_its_public_test_and_the_plots_render(browser, lab):
    page = open_notebook(browser, lab, "correct")
    type_answer(page, submissions.solution_answers(ASSIGNMENT)["layer_sizes"])
    run_all(page)
    verdict = page.get_by_text("layer_sizes: all tests passed").first
    verdict.wait_for(timeout=180_000)
    images = page.locator(".jp-OutputArea-output img")
    images.first.wait_for(timeout=60_000)
    assert images.count() >= 1 and images.first.evaluate("img => img.naturalWidth") > 100
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "jupyterlab_plot.png")
    verdict.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "jupyterlab_public_test_passed.png")
    page.close()


def test_a_classic_mistake_typed_in_jupyterlab_shows_its_hint(browser, lab):
    known = catalogue(ASSIGNMENT)["layer_sizes"][0]
    page = open_notebook(browser, lab, "mistake")
    type_answer(page, submissions.mistake_answer(known))
    run_all(page)
    hint = page.get_by_text(known.hint[:60]).first
    hint.wait_for(timeout=180_000)
    hint.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "jupyterlab_hint.png")
    page.close()


def test_nbgrader_extensions_load_for_students_and_instructors(browser, lab):
    url, token, root = lab
    listing = subprocess.run([sys.executable, "-m", "jupyter", "labextension", "list"], capture_output=True, text=True)
    assert "@jupyter/nbgrader" in listing.stdout + listing.stderr
    # a student validates: nbgrader's button runs the notebook and reports the failing tests
    page = open_notebook(browser, lab, "validate")
    page.locator(".jp-Toolbar").filter(visible=True).get_by_text("Validate", exact=True).first.click()
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_text("Validation Results").first.wait_for(timeout=180_000)
    assert "NotImplementedError" in dialog.inner_text() or "failed" in dialog.inner_text().lower()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "jupyterlab_validate.png")
    page.close()
    # an instructor opens formgrader: it lists the course's assignments
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/formgrader?token={token}")
    page.get_by_text("planar_classifier").first.wait_for(timeout=60_000)
    for assignment in ("deep_nn_step_by_step", "deep_nn_application", "gradient_checking"):
        assert page.get_by_text(assignment).count() >= 1
    page.screenshot(path=ARTIFACTS / "formgrader.png")
    page.close()
