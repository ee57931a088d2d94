"""The grading sandbox: a child process that runs one submission's code and calls its functions.

The trusted grader (``grader.trusted``) starts one zygote per grading process
(``python -m grader.sandbox FD``): it imports NumPy, Matplotlib and IPython once,
then forks a fresh sandbox for each submission, in an empty temporary folder,
with two pipes. Before any student code runs the sandbox

1. limits its memory, file sizes and CPU time (``resource``) and dies with its parent;
2. confines itself with Landlock (``grader.landlock``): it can read Python and
   the public course code, write its own folder, and nothing else: not the
   hidden reference, the expected values, the gradebook or anyone's files;
   it can execute no program and signal no process outside itself;
3. installs a PEP 578 audit hook that refuses processes, signals, ctypes,
   sockets and heap walking, and writes down what was refused (the reasons
   flagged in the instructor's report).

It never holds the reference solution or an expected value: it only runs the
notebook's cells and, asked for ``call``, calls a function on inputs it is sent
and sends back what came out. The other graded functions a function calls are
proxies that ask the grader, which answers with the reference's outputs.
"""
import builtins
import json
import os
import resource
import signal
import socket
import sys

import numpy as np

from . import wire
from .checks import quiet, swapped

REFUSED_EVENTS = {
    "os.system": "ran a shell command", "os.exec": "started a program", "os.posix_spawn": "started a program",
    "os.spawn": "started a program", "subprocess.Popen": "started a program", "os.fork": "forked a process",
    "os.forkpty": "forked a process", "os.kill": "sent a signal", "os.killpg": "sent a signal",
    "signal.pthread_kill": "sent a signal", "ctypes.dlopen": "loaded a C library with ctypes",
    "ctypes.dlsym": "used ctypes", "ctypes.cdata": "read raw memory with ctypes",
    "socket.connect": "opened a network connection", "socket.bind": "opened a network socket",
    "gc.get_objects": "walked the interpreter's heap", "gc.get_referrers": "walked the interpreter's heap",
    "gc.get_referents": "walked the interpreter's heap", "sys.addaudithook": "added an audit hook",
    "os.setsid": "left its process group", "os.setpgid": "left its process group",
    "sqlite3.connect": "opened a database",
}
HIDDEN_NAMES = ("solutions/", "gradebook", "/submitted/", "/autograded/", "/feedback/", "/release/")


def limit(memory=None, cpu=None, file_size=64 << 20):
    for name, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, cpu),
                        (resource.RLIMIT_FSIZE, file_size), (resource.RLIMIT_CORE, 0)):
        if value is not None:
            soft, hard = resource.getrlimit(name)
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(name, (value, hard))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)    # a huge file: an OSError, not a dead process
    try:
        import ctypes
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)    # PR_SET_PDEATHSIG: die with the grader
    except Exception:
        pass


def install_audit_hook(refusals, writable):
    """Refuse dangerous operations; record each refusal once as a reason for the report."""
    startswith, append, lower, abspath = str.startswith, list.append, str.lower, os.path.abspath
    seen = set()

    def refuse(reason):
        if reason not in seen:
            seen.add(reason)
            append(refusals, reason)
        raise PermissionError(f"not allowed while grading: {reason}")

    def hook(event, args):
        if event in REFUSED_EVENTS:
            refuse(REFUSED_EVENTS[event] + f" ({event} {str(args)[:80]})")
        elif event == "open" and args and type(args[0]) is str:
            path, mode = abspath(args[0]), args[1] if len(args) > 1 and type(args[1]) is str else "r"
            if any(word in lower(path) for word in HIDDEN_NAMES) and not startswith(path, writable):
                refuse(f"tried to open {path}")
            if any(c in mode for c in "wax+") and not startswith(path, (writable, "/dev/null")):
                refuse(f"tried to write {path}")
        elif event == "import" and args and type(args[0]) is str and startswith(
                args[0], ("solutions", "course_reference")):
            refuse(f"tried to import {args[0]}")
    sys.addaudithook(hook)


class Child:
    """The sandbox's side of the conversation: run cells, call functions."""

    def __init__(self, rfd, wfd, refusals):
        from IPython.core.interactiveshell import InteractiveShell
        self.rfd, self.wfd, self.refusals = rfd, wfd, refusals
        self.shell = InteractiveShell.instance(history_length=0)
        self.shell.user_ns.update({"__name__": "__main__"})
        self.shell.history_manager.enabled = False
        # %matplotlib inline has no GUI to enable here; figures go to the Agg backend
        self.shell.register_magic_function(lambda line: None, "line", "matplotlib")
        self.namespace = self.shell.user_ns
        self.originals = self.snapshot()
        self.transformers = (list(self.shell.input_transformers_cleanup), list(self.shell.input_transformers_post))
        self.helpers = released_helpers()
        self.events = {name: list(cbs) for name, cbs in self.shell.events.callbacks.items()}

    def snapshot(self):
        """What a submission could replace to fool checks made in the notebook itself."""
        import numpy.testing
        found = {f"builtins.{name}": value for name, value in vars(builtins).items() if name[0] != "_"}
        found.update({"numpy.allclose": np.allclose, "numpy.isclose": np.isclose,
                      "numpy.array_equal": np.array_equal,
                      "numpy.testing.assert_allclose": numpy.testing.assert_allclose})
        return found

    def restore(self):
        """Note and undo replaced builtins and NumPy checks (the sandbox's own code needs them),
        input transformers, event hooks and fake grader modules."""
        import numpy.testing
        now = self.snapshot()
        for name, value in self.originals.items():
            if now.get(name) is not value:
                self.notice(f"replaced {name}")
                owner, attr = name.rsplit(".", 1)
                setattr({"builtins": builtins, "numpy": np, "numpy.testing": numpy.testing}[owner], attr, value)
        shell = self.shell
        if (list(shell.input_transformers_cleanup), list(shell.input_transformers_post)) != self.transformers:
            self.notice("registered an IPython input transformer")
        if {name: list(cbs) for name, cbs in shell.events.callbacks.items()} != self.events:
            self.notice("registered an IPython event hook")
        for name, module in list(sys.modules.items()):
            if name.split(".")[0] == "grader" and getattr(module, "__file__", None) is None:
                self.notice(f"replaced the module {name} in sys.modules")

    def notice(self, reason):
        if reason not in self.refusals:
            self.refusals.append(reason)

    def send(self, message):
        wire.send(self.wfd, message)

    def run_cell(self, source):
        result = self.shell.run_cell(source, store_history=False)
        error = result.error_before_exec or result.error_in_exec
        self.restore()
        sys.stdout.flush()
        return {"op": "done", "error": error, "refusals": list(self.refusals)}

    def proxy(self, name):
        """Stands in for another graded function: the grader computes it with the reference."""
        child = self

        def callee(*args, **kwargs):
            child.send({"op": "callee", "name": name, "args": list(args), "kwargs": kwargs,
                        "rng": np.random.get_state()})
            reply = wire.receive(child.rfd)
            np.random.set_state(reply["rng"])
            if reply.get("error"):
                raise wire.rebuild(reply["error"])
            return reply["output"]
        callee.__name__ = callee.__qualname__ = name
        return callee

    def call(self, name, args, np_seed, callees, provided=()):
        fn = self.namespace.get(name)
        if fn is None:
            return {"op": "result", "error": NameError(f"name '{name}' is not defined")}
        if not callable(fn):
            return {"op": "result", "error": TypeError(f"{name} should be a function, but it is "
                                                       f"{type(fn).__name__}.")}
        namespace = getattr(fn, "__globals__", self.namespace)
        # other graded functions: proxies the grader answers; provided helpers: the released code
        swap = {n: self.proxy(n) for n in callees}
        swap.update({n: self.helpers[n] if n in self.helpers else self.proxy(n) for n in provided})
        try:
            with swapped(namespace, swap), quiet():
                if np_seed is not None:
                    np.random.seed(np_seed)
                output = fn(*args)
            reply = {"op": "result", "output": output, "args": args, "error": None}
            odd = _array_subclass(output)
            if odd:
                self.notice(f"{name} returned an ndarray subclass ({odd})")
        except Exception as error:            # the student's code may raise anything
            reply = {"op": "result", "error": error}
        finally:
            self.restore()
        reply["refusals"] = list(self.refusals)
        return reply

    def serve(self):
        while True:
            try:
                request = wire.receive(self.rfd)
            except EOFError:
                return
            op = request.get("op")
            if op == "cell":
                reply = self.run_cell(request["source"])
            elif op == "call":
                reply = self.call(request["name"], request["args"], request.get("np_seed"), request["callees"],
                                  request.get("provided", ()))
            elif op == "report":
                self.restore()
                reply = {"op": "report", "refusals": list(self.refusals)}
            else:
                reply = {"op": "error", "message": f"unknown request {op!r}"}
            self.send(reply)


def released_helpers():
    """{name: function} of the helper modules released with the assignment (nn_utils.py, ...),
    loaded under private names before any student code runs: what a provided helper is."""
    import importlib.util
    found = {}
    for path in sorted(os.listdir(".")):
        if path.endswith(".py"):
            name = f"_released_{path[:-3]}"
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            for key, value in vars(module).items():
                if callable(value) and getattr(value, "__module__", None) == name:
                    found.setdefault(key, value)
    return found


def _array_subclass(value, depth=0):
    """Name of an ndarray subclass inside a returned value (compared as plain data, but worth a look)."""
    if type(value) is not np.ndarray and isinstance(value, np.ndarray):
        return type(value).__name__
    if depth < 4 and isinstance(value, (tuple, list, dict)):
        for item in (value.values() if isinstance(value, dict) else value):
            found = _array_subclass(item, depth + 1)
            if found:
                return found
    return None


def preload():
    """Everything a notebook imports, loaded once in the zygote (forked children share it)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import grader.checks  # noqa: F401  (the released helpers import it)
    import platform
    platform.uname().processor     # cached now: later calls would run `uname -p`
    from IPython.core.interactiveshell import InteractiveShell
    InteractiveShell.instance(history_length=0)


def sandbox(rfd, wfd, config):
    """Become the sandbox for one submission: limits, Landlock, audit hook, then serve."""
    limit(config["memory"], config["cpu"])
    refusals = []
    child = Child(rfd, wfd, refusals)
    abi = 0
    if config.get("landlock", True):
        from .landlock import restrict
        abi = restrict(read=config["read"], write=[config["folder"], "/dev"])
    install_audit_hook(refusals, config["folder"])
    wire.send(wfd, {"op": "ready", "landlock": abi})
    child.serve()


def zygote(sock):
    """Fork a fresh sandbox per submission from one process that has done the imports.

    Requests on the socket (SOCK_SEQPACKET): a sandbox config with the two pipe ends
    as SCM_RIGHTS -> {"pid"}; {"wait": pid} -> {"status"} (a Popen-style return code)."""
    preload()
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(sock, 1 << 20, 2)
        except OSError:
            return
        if not data:
            return
        request = json.loads(data)
        if "wait" in request:
            try:
                status = os.waitstatus_to_exitcode(os.waitpid(request["wait"], 0)[1])
            except ChildProcessError:
                status = None
            sock.send(json.dumps({"status": status}).encode())
            continue
        pid = os.fork()
        if pid == 0:
            try:
                sock.close()
                os.setsid()                       # its own process group: killed as a whole
                os.chdir(request["folder"])
                os.environ.update(request["env"])
                log = os.open("output.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(log, 1)
                os.dup2(log, 2)
                sys.path[0] = request["folder"]   # the released helpers (nn_utils.py, ...)
                sandbox(fds[0], fds[1], request)
            finally:
                os._exit(0)
        for fd in fds:
            os.close(fd)
        sock.send(json.dumps({"pid": pid}).encode())


def main():
    limit()                                        # die with the grader
    zygote(socket.socket(fileno=int(sys.argv[1])))


if __name__ == "__main__":
    main()
