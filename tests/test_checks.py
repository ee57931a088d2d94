"""Can the grader be trusted? Correct code always passes, each known mistake always fails
with its own hint, and one bug costs one function (checked here by calling the checks;
tests/test_autograde.py proves the same through real nbgrader)."""
import pytest

from conftest import ASSIGNMENT
from grader import audit, submissions
from grader.audit import load_answers
from grader.cases import cases_module
from grader.checks import CheckFailed, run_hidden, run_public, swapped
from grader.mistakes import catalogue
from grader.paths import ASSIGNMENTS, public_tests_file

FUNCTIONS = list(cases_module(ASSIGNMENT).POINTS)
MISTAKES = [m for ms in catalogue(ASSIGNMENT).values() for m in ms]
STYLES = submissions.style_answers(ASSIGNMENT)
CORRECT = {"solution": submissions.solution_answers(ASSIGNMENT), **STYLES}


def grade(namespace, name):
    return audit.grade(ASSIGNMENT, namespace, name)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_function_has_cases_mistakes_and_two_other_correct_styles(assignment):
    functions = set(cases_module(assignment).POINTS)
    assert set(catalogue(assignment)) == functions
    styles = submissions.style_answers(assignment)
    assert len(styles) >= 2
    for style, answers in styles.items():
        assert set(answers) == functions, style


@pytest.mark.parametrize("style", sorted(CORRECT))
def test_does_a_correct_implementation_in_any_style_get_full_marks(style):
    namespace = load_answers(ASSIGNMENT, CORRECT[style])
    for name in FUNCTIONS:
        public, hidden, message = grade(namespace, name)
        assert public and hidden, f"{style}: {name}: {message}"


@pytest.mark.parametrize("known", MISTAKES, ids=lambda m: f"{m.function}-{m.name}")
def test_does_each_known_mistake_lose_its_points_with_its_own_hint(known):
    answers = dict(CORRECT["solution"], **{known.function: submissions.mistake_answer(known)})
    namespace = load_answers(ASSIGNMENT, answers)
    for name in FUNCTIONS:
        public, hidden, message = grade(namespace, name)
        if name == known.function:
            assert not hidden, "the mistake kept its points"
            assert f"Hint: {known.hint}" in message
        else:
            assert hidden, f"a mistake in {known.function} cost {name} too: {message}"


def test_a_mistake_that_is_right_on_the_public_case_is_still_caught():
    # seeding with the public seed inside the function passes the public test ...
    known = next(m for m in MISTAKES if m.name == "init_seeded")
    namespace = load_answers(ASSIGNMENT, {"f": submissions.mistake_answer(known)})
    run_public("initialize_parameters", namespace["initialize_parameters"], public_tests_file(ASSIGNMENT), quiet=True)
    # ... but not the hidden ones, and any other seed is recognised too
    namespace = load_answers(ASSIGNMENT, {"f": submissions.mistake_answer(known).replace("seed(1)", "seed(42)")})
    with pytest.raises(CheckFailed, match="calls np.random.seed itself"):
        run_hidden(ASSIGNMENT, "initialize_parameters", namespace["initialize_parameters"])


def test_hidden_messages_never_show_expected_values(ref):
    known = next(m for m in MISTAKES if m.name == "dW_over_2")
    namespace = load_answers(ASSIGNMENT, {"f": submissions.mistake_answer(known)})
    with pytest.raises(CheckFailed) as failure:
        run_hidden(ASSIGNMENT, "linear_backward", namespace["linear_backward"])
    message = str(failure.value)
    assert "max error" in message and "expected" not in message
    with pytest.raises(CheckFailed, match=r"expected -?\d"):
        run_public("linear_backward", namespace["linear_backward"], public_tests_file(ASSIGNMENT))


def test_composite_functions_are_graded_with_the_reference_callees():
    broken = load_answers(ASSIGNMENT, dict(CORRECT["solution"], linear_forward="def linear_forward(A, W, b):\n    return None"))
    for name in ("linear_activation_forward", "L_model_forward"):
        run_hidden(ASSIGNMENT, name, broken[name])
    # the student's own function is back in place afterwards
    assert broken["linear_forward"](1, 2, 3) is None


def test_callees_are_restored_even_when_the_call_raises(ref):
    namespace = {"linear_forward": "student's"}
    with pytest.raises(ZeroDivisionError):
        with swapped(namespace, {"linear_forward": ref.linear_forward, "relu": ref.relu}):
            1 / 0
    assert namespace == {"linear_forward": "student's"}


def test_public_check_passes_a_right_function_whose_callee_is_broken(capsys):
    broken = load_answers(ASSIGNMENT, dict(CORRECT["solution"],
                          linear_forward="def linear_forward(A, W, b):\n    return W @ A - b, (Z := W @ A, W, b)"))
    run_public("L_model_forward", broken["L_model_forward"], public_tests_file(ASSIGNMENT))
    assert "L_model_forward: all tests passed" in capsys.readouterr().out


def test_an_output_numpy_cannot_hold_is_reported_not_raised():
    odd = load_answers(ASSIGNMENT, {"f": "def linear_forward(A, W, b):\n    return [[1, [2, 3]]], (A, W, b)"})
    with pytest.raises(CheckFailed, match="linear_forward failed"):
        run_hidden(ASSIGNMENT, "linear_forward", odd["linear_forward"])


def test_untouched_stub_says_what_to_do():
    namespace = load_answers(ASSIGNMENT, {"f": "def linear_forward(A, W, b):\n    raise NotImplementedError()"})
    with pytest.raises(CheckFailed, match="not written yet"):
        run_public("linear_forward", namespace["linear_forward"], public_tests_file(ASSIGNMENT))


def test_student_warnings_and_prints_do_not_reach_the_test_output(capsys):
    noisy = load_answers(ASSIGNMENT, {"f": "import sys, warnings\ndef relu_backward(dA, cache):\n"
                               "    print('debug', file=sys.stderr)\n    warnings.warn('w')\n"
                               "    np.exp(1e5)\n    return dA * (cache > 0)"})
    run_hidden(ASSIGNMENT, "relu_backward", noisy["relu_backward"])
    captured = capsys.readouterr()
    assert captured.err == "" and "debug" not in captured.out


def test_a_1x1_cost_is_refused_but_a_0d_cost_and_a_float_are_accepted():
    for body, ok in (("return c.item()", True), ("return np.squeeze(c)", True), ("return c", False)):
        ns = load_answers(ASSIGNMENT, {"f": "def compute_cost(AL, Y):\n    c = -(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T) / Y.shape[1]\n"
                                f"    {body}"})
        if ok:
            run_hidden(ASSIGNMENT, "compute_cost", ns["compute_cost"])
        else:
            with pytest.raises(CheckFailed, match=r"\(1, 1\)"):
                run_hidden(ASSIGNMENT, "compute_cost", ns["compute_cost"])


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_correct_variant_gets_full_marks_and_every_mistake_is_caught_with_its_hint(assignment):
    report = audit.audit(assignment)
    assert report.ok, "\n".join(report.problems)
    n_mistakes = sum(len(ms) for ms in catalogue(assignment).values())
    assert report.mistakes_tried == report.mistakes_caught == report.hints_matched == n_mistakes
    assert report.correct_full_marks == report.correct_tried >= 3
