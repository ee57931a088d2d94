"""Trusted grading: the submission's code runs in a sandbox, its outputs are judged here.

``grade_notebook`` is the whole of it for one submission:

1. ``plan``: which cells run. Test cells never run (their checks are made
   here instead); of the provided cells the student left unchanged only the
   imports, functions and constants run, not the examples, training runs and
   plots (no graded function needs them, and skipping them is most of why
   grading is fast). The student's own cells run whole. Edited or deleted
   test cells are reported.
2. ``Sandbox`` runs those cells in a child process (``grader.sandbox``) that can
   read neither the reference nor the expected values, then calls each graded
   function on the public and hidden cases. The other graded functions it
   calls are proxies answered here with the reference's outputs (isolation).
3. ``grader.checks.check`` compares what came back with the expected values
   and looks wrong outputs up in the mistake catalogue, in this process:
   nothing the submission replaces in its own process changes a verdict.

``TrustedGrade`` is the nbgrader preprocessor that replaces nbgrader's
``Execute`` in ``nbgrader autograde``: it writes each verdict into its test
cell as an output (an error when the function failed), so nbgrader's own
``SaveAutoGrades`` scores the cells and fills the gradebook as usual.
"""
import ast
import functools
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import weakref
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
import numpy as np

from . import wire
from .cases import cases_module
from .checks import LimitExceeded, Outcome, check, load, quiet, reference_callees
from .compare import identical
from .paths import RELEASE, ROOT, hidden_tests_file, public_tests_file, reference_module


@dataclass
class Limits:
    """Resource limits for one submission (``nngrader grade --help`` shows the options)."""
    cell_timeout: float = 15.0          # seconds for one notebook cell
    call_timeout: float = 10.0          # seconds for one call of a graded function on one case
    notebook_timeout: float = 300.0     # seconds for the whole submission
    memory: int = 4 << 30               # bytes of address space of the sandbox process
    restarts: int = 4                   # sandbox restarts after a cell or call killed it


# ---------------------------------------------------------------- which cells run

@functools.lru_cache(maxsize=None)
def release_notebook(assignment):
    return nbformat.read(RELEASE / assignment / f"{assignment}.ipynb", as_version=4)


def _python(source):
    from IPython.core.inputtransformer2 import TransformerManager
    return TransformerManager().transform_cell(source)


DEFINITIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _is_definition(node):
    if isinstance(node, DEFINITIONS):
        return True
    if isinstance(node, ast.Assign):             # a constant such as layers_dims = [12288, 20, 7, 5, 1]
        try:
            ast.literal_eval(node.value)
            return True
        except ValueError:
            return False
    return False


def definitions(source):
    """The top-level imports, functions, classes and constants of a cell, without the rest."""
    try:
        code = _python(source)
        tree = ast.parse(code)
    except SyntaxError:
        return source
    return "\n".join(ast.get_source_segment(code, node) for node in tree.body if _is_definition(node))


@functools.lru_cache(maxsize=None)
def _release_cells(assignment):
    """({source of a provided cell: its definitions}, {test grade_id: cell}) of the released notebook."""
    examples, tests = {}, {}
    for cell in release_notebook(assignment).cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        if meta.get("grade") and not meta.get("solution"):
            tests[meta["grade_id"]] = cell
        elif not meta:
            examples[cell.source] = definitions(cell.source)
    return examples, tests


def plan(assignment, nb, check_edits=True):
    """([(cell index, source), ...] to run, [reasons to flag])."""
    examples, tests = _release_cells(assignment)
    cells, flags, seen = [], [], set()
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {}) if isinstance(cell.metadata.get("nbgrader"), dict) else {}
        grade_id = meta.get("grade_id")
        if grade_id in tests:
            if check_edits:
                if grade_id in seen:
                    flags.append(f"the test cell {grade_id} appears twice")
                original = tests[grade_id]
                if (cell.source != original.source or meta.get("points") != original.metadata.nbgrader.get("points")
                        or not meta.get("grade") or meta.get("solution")):
                    flags.append(f"edited the test cell {grade_id} or its metadata (nbgrader restores it)")
            seen.add(grade_id)
            continue
        if meta.get("grade") and not meta.get("solution"):
            if check_edits:
                flags.append(f"has a test cell {grade_id!r} that the assignment does not have")
            continue
        source = examples.get(cell.source, cell.source)    # unchanged provided cell: definitions only
        if source.strip():
            cells.append((i, source))
    if check_edits:
        flags += [f"deleted the test cell {g}" for g in tests if g not in seen]
    return cells, flags


# ---------------------------------------------------------------- the sandbox, seen from here

@functools.lru_cache(maxsize=None)
def readable_paths():
    """What the sandbox may read: Python, installed packages, the public course code."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, *sysconfig.get_paths().values(),
             str(ROOT / "grader"), str(ROOT / "datasets"), str(RELEASE),
             "/usr", "/lib", "/lib64", "/etc", "/bin", "/opt"}
    paths |= {p for p in sys.path if p and Path(p).is_dir()}
    return sorted(p for p in paths if p and Path(p).exists() and Path(p) != ROOT and not Path(ROOT).is_relative_to(p))


FAKE_RESULT = re.compile(r"hidden tests? passed|all \d+ public and \d+ hidden")


class SandboxDied(Exception):
    pass


def _environment(folder):
    return {"HOME": str(folder), "TMPDIR": str(folder), "MPLCONFIGDIR": str(folder), "MPLBACKEND": "Agg",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"}


class Zygote:
    """One ``python -m grader.sandbox`` per grading process: it has imported NumPy, Matplotlib
    and IPython once and forks a sandbox per submission (about 0.5 s of imports saved each)."""
    _current = None

    @classmethod
    def get(cls):
        if cls._current is None or cls._current.proc.poll() is not None or cls._current.owner != os.getpid():
            cls._current = cls()
        return cls._current

    def __init__(self):
        self.owner = os.getpid()
        self.folder = tempfile.mkdtemp(prefix="nngrader-zygote-")
        self.sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **_environment(self.folder)}
        self.proc = subprocess.Popen([sys.executable, "-m", "grader.sandbox", str(theirs.fileno())],
                                     pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     cwd=self.folder, env=env)
        theirs.close()
        weakref.finalize(self, Zygote._stop, self.proc, self.sock, self.folder)

    @staticmethod
    def _stop(proc, sock, folder):
        sock.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(folder, ignore_errors=True)

    def request(self, message, fds=()):
        socket.send_fds(self.sock, [json.dumps(message).encode()], list(fds))
        self.sock.settimeout(120)
        try:
            data = self.sock.recv(1 << 16)
        except (socket.timeout, OSError) as error:
            raise OSError(f"the sandbox zygote did not answer ({error})") from None
        if not data:
            raise OSError("the sandbox zygote stopped")
        return json.loads(data)

    def spawn(self, config, fds):
        return self.request(config, fds)["pid"]

    def wait(self, pid):
        try:
            return self.request({"wait": pid})["status"]
        except OSError:
            return None


class Sandbox:
    """One submission's sandbox process, restarted when a cell or call kills it."""

    def __init__(self, assignment, limits=None):
        self.assignment = assignment
        self.limits = limits or Limits()
        self.pid = None
        self.cells = []
        self.skip = set()
        self.cell_errors = {}
        self.flags = []
        self.refusals = []
        self.restarts = 0
        self.started = time.monotonic()
        self.landlock = None
        self.done = set()           # cells that finished at least once

    # -- process
    def start(self):
        if self.restarts > self.limits.restarts:
            raise SandboxDied("the sandbox was restarted too often")
        self.folder = Path(tempfile.mkdtemp(prefix="nngrader-"))
        for path in (RELEASE / self.assignment).iterdir():
            if path.is_file() and path.suffix != ".ipynb":
                shutil.copy(path, self.folder / path.name)
        to_child, self.wfd = os.pipe()
        self.rfd, from_child = os.pipe()
        config = {"memory": self.limits.memory, "cpu": int(self.limits.notebook_timeout) + 5,
                  "read": readable_paths(), "folder": str(self.folder), "env": _environment(self.folder)}
        try:
            self.pid = Zygote.get().spawn(config, (to_child, from_child))
        except OSError as error:
            raise SandboxDied(f"the sandbox could not start ({error})") from None
        finally:
            os.close(to_child)
            os.close(from_child)
        ready = self.receive(60, "starting")
        self.landlock = ready.get("landlock")
        for index, source in self.cells:
            if index not in self.skip:
                self.run_cell(index, source)

    def note(self, reason):
        if reason not in self.flags:
            self.flags.append(reason)

    def kill(self):
        """Kill the sandbox's process group; return its exit code (negative: a signal)."""
        if self.pid is None:
            return None
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        code = Zygote.get().wait(self.pid)
        self.pid = None
        try:     # what the notebook printed; text imitating a test result is worth a look
            with open(self.folder / "output.txt", "rb") as log:
                if FAKE_RESULT.search(log.read(1 << 20).decode("utf-8", "replace")):
                    self.note("printed text that looks like a test result")
        except OSError:
            pass
        for fd in (self.rfd, self.wfd):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
        return code

    def close(self):
        if self.pid is not None:
            try:
                self.report()          # its refusals are collected by receive()
            except SandboxDied:
                pass
        self.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def time_left(self):
        return self.limits.notebook_timeout - (time.monotonic() - self.started)

    def send(self, message):
        try:
            wire.send(self.wfd, message)
        except OSError:
            raise SandboxDied(self._died("was sent a request")) from None

    def receive(self, timeout, doing):
        timeout = max(0.1, min(timeout, self.time_left()))
        try:
            message = wire.receive(self.rfd, timeout)
            for reason in message.get("refusals") or []:   # kept even if the sandbox dies later
                if isinstance(reason, str) and reason not in self.refusals:
                    self.refusals.append(reason)
            return message
        except TimeoutError:
            self.kill()
            raise SandboxDied(f"ran past {timeout:g} s while {doing}") from None
        except (EOFError, OSError, wire.ProtocolError) as error:
            raise SandboxDied(self._died(doing, error)) from None

    def _died(self, doing, error=None):
        code = self.kill()
        how = (f"killed by signal {-code}" if code and code < 0 else f"exit code {code}")
        if code == -signal.SIGXCPU:
            how = "CPU time limit"
        if isinstance(error, wire.ProtocolError):
            how = f"sent a malformed message: {error}"
        return f"the grading process ended ({how}) while {doing}"

    def ensure(self):
        """Restart a sandbox a timeout or a crash ended (its cells run again, minus the skipped)."""
        if self.pid is None:
            self.restarts += 1
            self.start()

    # -- requests
    def run_cells(self, cells):
        self.cells = list(cells)
        while True:
            try:
                self.start()
                break
            except SandboxDied as died:
                # which cell did it? the first one not yet reported done
                index = next((i for i, _ in self.cells if i not in self.skip and i not in self.done), None)
                if index is None or self.restarts >= self.limits.restarts:
                    self.note(str(died))
                    break
                self.note(f"cell {index + 1}: {died} (skipped when grading)")
                self.skip.add(index)
                self.restarts += 1

    def run_cell(self, index, source):
        self.send({"op": "cell", "source": source})
        reply = self.receive(self.limits.cell_timeout, f"running cell {index + 1}")
        if reply.get("op") != "done":
            raise SandboxDied(self._died(f"running cell {index + 1}", wire.ProtocolError("unexpected reply")))
        self.done.add(index)
        if reply.get("error"):
            error = reply["error"] if isinstance(reply["error"], dict) else {"type": "Error", "message": str(reply["error"])}
            text = f"{error['type']}: {error['message']}"
            self.cell_errors[index] = text
            if error["type"] in ("SystemExit", "KeyboardInterrupt"):
                self.note(f"cell {index + 1} raised {text}")
            elif error["type"] == "MemoryError":
                self.note(f"cell {index + 1} ran out of memory (limit {self.limits.memory / (1 << 30):g} GiB): {text}")

    def call(self, name, case, callees, provided=()):
        """Outcome of the student's ``name`` on ``case``: the other graded functions it calls are
        answered by the reference, the provided helpers are the released ones."""
        if self.time_left() <= 0:
            return Outcome(error=LimitExceeded(f"not graded: the {self.limits.notebook_timeout:g} s "
                                               "for the whole notebook ran out."))
        try:
            self.ensure()
            self.send({"op": "call", "name": name, "args": list(case["args"].values()),
                       "np_seed": case.get("np_seed"), "callees": sorted(callees), "provided": sorted(provided)})
            deadline = time.monotonic() + self.limits.call_timeout
            answerable = set(callees) | set(provided)
            while True:
                message = self.receive(deadline - time.monotonic(), f"running {name}")
                if message.get("op") == "callee" and message.get("name") in answerable:
                    self.send(self.answer(message))
                elif message.get("op") == "result":
                    return self.outcome(case, message)
                else:
                    raise SandboxDied(self._died(f"running {name}", wire.ProtocolError("unexpected message")))
        except SandboxDied as died:
            text = str(died)
            self.note(f"{name}: {text}")
            if "ran past" in text:
                return Outcome(error=LimitExceeded(
                    f"it did not finish within {self.limits.call_timeout:g} s (is there an endless loop?)."))
            return Outcome(error=LimitExceeded(f"it stopped the grading ({text})."))

    def answer(self, message):
        """A reference callee's output for the sandbox, with its random generator state."""
        fn = getattr(reference_module(self.assignment), message["name"])
        np.random.set_state(message["rng"])
        try:
            with quiet():
                output = fn(*message.get("args", []), **message.get("kwargs", {}))
            reply = {"op": "callee_result", "output": output, "error": None}
        except Exception as error:
            reply = {"op": "callee_result", "error": error}
        reply["rng"] = np.random.get_state()
        return reply

    @staticmethod
    def outcome(case, message):
        if message.get("error") is not None:
            return Outcome(error=wire.rebuild(message["error"]))
        given = list(case["args"].values())
        after = message.get("args")
        changed = None
        if isinstance(after, list) and len(after) == len(given):
            changed = next((n for n, a, b in zip(case["args"], given, after) if not identical(a, b)), None)
        return Outcome(output=message.get("output"), changed=changed)

    def report(self):
        self.send({"op": "report"})
        self.receive(10, "reporting")


# ---------------------------------------------------------------- one submission

@functools.lru_cache(maxsize=None)
def fingerprint():
    """Changes whenever the grader, the reference or the expected values change."""
    digest = hashlib.sha256()
    for folder, pattern in ((ROOT / "grader", "**/*.py"), (ROOT / "solutions" / "reference", "*.py"),
                            (ROOT / "solutions" / "expected", "*.json"), (RELEASE, "**/*")):
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()


def verdict_key(assignment, cells, limits):
    text = json.dumps([assignment, [s for _, s in cells], asdict(limits), fingerprint()])
    return hashlib.sha256(text.encode()).hexdigest()


def grade_notebook(assignment, nb, limits=None, check_edits=True):
    """{"functions": {name: {"passed", "message", "points"}}, "cells": {index: error}, "flags": [...]}."""
    limits = limits or Limits()
    cells, flags = plan(assignment, nb, check_edits)
    started = time.monotonic()
    public, hidden = load(public_tests_file(assignment)), load(hidden_tests_file(assignment))
    functions = {}
    with Sandbox(assignment, limits) as box:
        box.run_cells(cells)
        for name, points in cases_module(assignment).POINTS.items():
            provided = set(cases_module(assignment).PROVIDED)
            callees = set(reference_callees(assignment, name)) - provided
            runner = functools.partial(box.call, name, callees=callees, provided=provided)
            message = check(public, name, runner, True) or check(hidden, name, runner, False)
            n_public, n_hidden = (len(d["functions"][name]["cases"]) for d in (public, hidden))
            functions[name] = {"passed": message is None, "points": points, "message": message or
                               f"{name}: all {n_public} public and {n_hidden} hidden tests passed."}
    flags += box.flags + box.refusals
    return {"assignment": assignment, "functions": functions,
            "cells": {str(i): e for i, e in box.cell_errors.items()},
            "flags": flags, "landlock": box.landlock, "seconds": round(time.monotonic() - started, 3)}


def read_submission(data):
    """(notebook, flags) of a submitted file's bytes, or (None, [why it cannot be graded])."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, ["the notebook is not UTF-8 text"]
    try:
        raw = json.loads(text)
    except ValueError:
        return None, ["the file is not a notebook (not JSON)"]
    flags = []
    if isinstance(raw, dict) and isinstance(raw.get("nbformat"), int) and raw["nbformat"] < 4:
        flags.append(f"nbformat {raw['nbformat']} notebook (converted to version 4)")
    try:
        nb = nbformat.reads(text, as_version=4)
        nb.cells   # noqa: B018 -- a JSON file without cells is not a notebook
    except Exception as error:
        return None, [f"the notebook cannot be read ({type(error).__name__}: {str(error)[:200]})"]
    return nb, flags


def grade_bytes(assignment, data, limits=None):
    """(key, verdict) of a submitted file's bytes: the task a worker or a Dask cluster runs.
    The key names the code that ran, so nbgrader's pass finds the verdict again."""
    limits = limits or Limits()
    nb, flags = read_submission(data)
    if nb is None:
        return None, {"assignment": assignment, "functions": {}, "cells": {}, "flags": flags, "unreadable": True}
    cells, _ = plan(assignment, nb, check_edits=False)
    verdict = grade_notebook(assignment, nb, limits)
    verdict["flags"] = flags + verdict["flags"]
    return verdict_key(assignment, cells, limits), verdict


# ---------------------------------------------------------------- nbgrader's side

def verdict_dir():
    folder = os.environ.get("NNGRADER_VERDICTS")
    return Path(folder) if folder else None


def store(folder, key, verdict):
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{key}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(verdict), encoding="utf-8")
    os.replace(tmp, folder / f"{key}.json")


def cached_or_graded(assignment, nb, limits):
    cells, _ = plan(assignment, nb, check_edits=False)
    key = verdict_key(assignment, cells, limits)
    folder = verdict_dir()
    if folder and (folder / f"{key}.json").exists():
        return json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    verdict = grade_notebook(assignment, nb, limits, check_edits=False)
    if folder:
        store(folder, key, verdict)
    return verdict


def apply(nb, verdict):
    """Write the verdicts into the test cells as outputs nbgrader scores: an error output fails a cell."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        grade_id = meta.get("grade_id", "")
        result = verdict["functions"].get(grade_id[len("test_"):]) if grade_id.startswith("test_") else None
        if meta.get("grade") and result is not None:
            if result["passed"]:
                cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=result["message"] + "\n")]
            else:
                cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue=result["message"],
                                                       traceback=[f"CheckFailed: {result['message']}"])]
        elif str(i) in verdict.get("cells", {}):
            text = verdict["cells"][str(i)]
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                                   text=f"While grading, this cell raised {text}\n")]
    return nb


try:
    from nbgrader.preprocessors import NbGraderPreprocessor
    from traitlets import Float, Integer

    class TrustedGrade(NbGraderPreprocessor):
        """nbgrader preprocessor: grade the notebook in the sandbox instead of executing it in a kernel."""
        cell_timeout = Float(Limits.cell_timeout, help="Seconds for one notebook cell.").tag(config=True)
        call_timeout = Float(Limits.call_timeout, help="Seconds for one graded call.").tag(config=True)
        notebook_timeout = Float(Limits.notebook_timeout, help="Seconds for a whole notebook.").tag(config=True)
        memory = Integer(Limits.memory, help="Bytes of memory for the sandbox.").tag(config=True)

        def preprocess(self, nb, resources):
            limits = Limits(self.cell_timeout, self.call_timeout, self.notebook_timeout, self.memory)
            verdict = cached_or_graded(resources["nbgrader"]["assignment"], nb, limits)
            return apply(nb, verdict), resources
except ImportError:      # nbgrader is an instructor's tool; the sandbox does not need it
    pass
