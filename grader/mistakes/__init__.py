"""The mistake catalogue: each known mistake is a real implementation of it.

When a student's output differs from the reference, the checker runs every
catalogued mistake of that function on the same inputs; if one produces what
the student produced (or raises the same error), its one-sentence hint is
shown. Composite mistakes call other graded functions by name; the checker
supplies those names at call time (``grader.checks``).
"""
import importlib
from dataclasses import dataclass
from typing import Callable

_REGISTRY = {}


@dataclass(frozen=True)
class Mistake:
    function: str   # graded function it imitates
    name: str       # the implementation's own name, e.g. "dW_over_2"
    hint: str       # one beginner's sentence
    impl: Callable


def mistake(function, hint):
    """Register the decorated function as a known mistake in ``function``."""
    def register(impl):
        _REGISTRY.setdefault(impl.__module__.rsplit(".", 1)[-1], {}).setdefault(function, []).append(
            Mistake(function, impl.__name__, hint, impl))
        return impl
    return register


def share(assignment, function, *impls):
    """Register mistakes written for the same function of another assignment here too
    (for example ``initialize_parameters``, identical in two notebooks)."""
    for impl in impls:
        known = next(m for ms in _REGISTRY.values() for m in ms.get(function, []) if m.impl is impl)
        _REGISTRY.setdefault(assignment, {}).setdefault(function, []).append(known)


def catalogue(assignment):
    """{graded function: [Mistake, ...]} for an assignment."""
    importlib.import_module(f"{__name__}.{assignment}")
    return _REGISTRY.get(assignment, {})
