"""Linux Landlock: a process confines itself to a few folders, enforced by the kernel.

Used by the grading sandbox (``grader.sandbox``) before any student code runs:
read-only access to Python and the public course code, read-write access to
its own temporary folder, nothing else; no program may be executed; with
Landlock ABI 4+ no TCP connection; with ABI 6+ no signal to a process outside
the sandbox. Unprivileged and irreversible (see ``man 7 landlock``).
"""
import ctypes
import os

SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446   # same on x86_64 and arm64
PR_SET_NO_NEW_PRIVS = 38
RULE_PATH_BENEATH = 1

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
READ = READ_FILE | READ_DIR
# every filesystem right of each ABI version (index = ABI)
ALL_FS = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1, 5: (1 << 16) - 1}
NET_ALL = 1 | 2                  # bind and connect TCP (ABI 4)
SCOPE_ALL = 1 | 2                # abstract unix sockets and signals (ABI 6)


class RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


_libc = ctypes.CDLL(None, use_errno=True)


def abi():
    """The kernel's Landlock ABI version, 0 when Landlock is unavailable."""
    try:
        version = _libc.syscall(SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    except Exception:
        return 0
    return max(version, 0)


def restrict(read=(), write=()):
    """Confine this process (and its future children) to ``read`` and ``write`` folders.

    Returns the ABI used, or 0 when the kernel has no Landlock (nothing is done)."""
    version = abi()
    if version < 1:
        return 0
    fs = ALL_FS[min(version, 5)]
    attr = RulesetAttr(fs, NET_ALL if version >= 4 else 0, SCOPE_ALL if version >= 6 else 0)
    size = ctypes.sizeof(RulesetAttr) if version >= 6 else (16 if version >= 4 else 8)
    ruleset = _libc.syscall(SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        for paths, rights in ((read, READ), (write, fs & ~EXECUTE)):
            for path in paths:
                _allow(ruleset, path, rights)
        if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(NO_NEW_PRIVS) failed")
        if _libc.syscall(SYS_RESTRICT_SELF, ruleset, ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
    return version


def _allow(ruleset, path, rights):
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return                                   # a folder this machine lacks
    try:
        if not os.path.isdir(path):
            rights &= READ_FILE | WRITE_FILE | (1 << 14)   # file rules take file rights only
        attr = PathBeneathAttr(rights, fd)
        if _libc.syscall(SYS_ADD_RULE, ruleset, RULE_PATH_BENEATH, ctypes.byref(attr), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
    finally:
        os.close(fd)
