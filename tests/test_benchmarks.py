"""Does the training benchmark train the same network both ways? (Needs the optional torch.)"""
import pytest

pytest.importorskip("torch", reason="PyTorch is an optional extra: pip install torch==2.13.0")


def test_numpy_and_torch_reach_the_same_cost(capsys):
    import benchmarks.training as bench
    bench.main(["--iterations", "30", "--repeat", "1"])
    assert "ratio numpy/torch" in capsys.readouterr().out
