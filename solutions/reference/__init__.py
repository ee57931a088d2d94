"""Hidden reference solution of the course (instructors only).

Never released: it lives outside every assignment folder of ``solutions/``,
so ``nbgrader generate_assignment`` does not copy it, and
``tests/test_release.py`` proves no line of it reaches ``notebooks/``.
It is verified by numerical gradient checks (``tests/test_reference.py``),
not by trusting itself; every expected value in the course is computed from
it by ``nngrader build-expected``.
"""
from . import gradient_checking, planar, step_by_step, training

# assignment id -> module holding that assignment's graded functions
ASSIGNMENTS = {
    "deep_nn_step_by_step": step_by_step,
    "planar_classifier": planar,
    "deep_nn_application": training,
    "gradient_checking": gradient_checking,
}
