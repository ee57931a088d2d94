"""The trusted grader: verdicts from the sandbox match the checks, for every assignment;
the wire carries data exactly and refuses code; Landlock holds without the audit hook."""
import subprocess
import sys

import nbformat
import numpy as np
import pytest

from grader import submissions, trusted, wire
from grader.paths import ASSIGNMENTS, ROOT


def graded(assignment, answers):
    text = submissions.fill(assignment, answers)
    return trusted.grade_notebook(assignment, nbformat.reads(text, as_version=4))


def failed(verdict):
    return {name for name, result in verdict["functions"].items() if not result["passed"]}


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_correct_notebooks_in_every_style_pass_and_each_mistake_group_loses_only_its_functions(assignment):
    solution = submissions.solution_answers(assignment)
    for style, answers in {"solution": {}, **submissions.style_answers(assignment)}.items():
        verdict = graded(assignment, {**solution, **answers})
        assert not failed(verdict) and not verdict["flags"], (style, verdict)
    for group in submissions.mistake_groups(assignment):
        verdict = graded(assignment, {**solution, **{m.function: submissions.mistake_answer(m) for m in group}})
        assert failed(verdict) == {m.function for m in group}
        for known in group:
            assert known.hint in verdict["functions"][known.function]["message"], known.name


def test_an_endless_function_costs_itself_only_and_is_flagged():
    solution = submissions.solution_answers("deep_nn_step_by_step")
    endless = solution["tanh_backward"].replace("    Z = cache\n", "    Z = cache\n    while True:\n        pass\n", 1)
    nb = nbformat.reads(submissions.fill("deep_nn_step_by_step", {**solution, "tanh_backward": endless}), as_version=4)
    verdict = trusted.grade_notebook("deep_nn_step_by_step", nb, trusted.Limits(call_timeout=2))
    assert failed(verdict) == {"tanh_backward"}
    assert "endless loop" in verdict["functions"]["tanh_backward"]["message"]
    assert any("ran past" in flag for flag in verdict["flags"])


def round_trip(value):
    return wire.unpack(wire.pack(value)[8:])


def test_the_wire_carries_arrays_scalars_tuples_and_dict_keys_exactly():
    value = {"W1": np.random.randn(3, 2), "b": np.zeros((3, 1), dtype=np.float32), "n": np.int64(3),
             "cost": np.float64(0.1) + 1e-17, 1: (True, None, "text", [1.5, float("nan")]), (0, 1): np.bool_(True)}
    back = round_trip(value)
    assert set(back) == set(value)
    assert back["W1"].tobytes() == value["W1"].tobytes() and back["b"].dtype == np.float32
    assert type(back["n"]) is np.int64 and type(back["cost"]) is np.float64 and back["cost"] == value["cost"]
    assert back[1][:3] == (True, None, "text") and np.isnan(back[1][3][1]) and back[(0, 1)] is np.True_


def test_the_wire_turns_code_and_odd_objects_into_named_placeholders():
    back = round_trip([print, {1, 2}, np.array([object()], dtype=object), ValueError("bad")])
    assert [type(v).__name__ for v in back[:2]] == ["builtin_function_or_method", "set"]
    assert isinstance(back[0], wire.Opaque) and isinstance(back[2], wire.Opaque)
    assert back[3] == {"type": "ValueError", "message": "bad", "args": ["bad"]}


def test_the_wire_refuses_object_arrays_and_bad_sizes():
    header = b'{"__ndarray__": 0, "dtype": "|O", "shape": [1]}'
    body = len(header).to_bytes(4, "little") + (1).to_bytes(4, "little") + header + (8).to_bytes(8, "little") + b"\0" * 8
    with pytest.raises(wire.ProtocolError):
        wire.unpack(body)
    header = b'{"__ndarray__": 0, "dtype": "<f8", "shape": [100]}'
    body = len(header).to_bytes(4, "little") + (1).to_bytes(4, "little") + header + (8).to_bytes(8, "little") + b"\0" * 8
    with pytest.raises(wire.ProtocolError):
        wire.unpack(body)


@pytest.mark.skipif(not __import__("grader.landlock").landlock.abi(), reason="this kernel has no Landlock")
def test_landlock_alone_keeps_the_hidden_files_out_of_reach(tmp_path):
    """No audit hook here: the kernel itself refuses the reads and writes."""
    code = f"""
import os, sys
from grader.landlock import restrict
from grader.trusted import readable_paths
restrict(read=readable_paths(), write=[{str(tmp_path)!r}])
for path in ({str(ROOT / 'solutions/expected/deep_nn_step_by_step.json')!r}, {str(ROOT / 'solutions/reference/step_by_step.py')!r}):
    try:
        open(path).read(); print("READ", path)
    except PermissionError:
        print("refused")
try:
    open({str(ROOT / 'notebooks/x.txt')!r}, "w"); print("WROTE")
except PermissionError:
    print("refused")
try:
    os.execv("/bin/true", ["true"])
except PermissionError:
    print("refused")
open({str(tmp_path / 'ok.txt')!r}, "w").write("fine"); print("own folder ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split("\n")[:5] == ["refused"] * 4 + ["own folder ok"], out.stdout + out.stderr
