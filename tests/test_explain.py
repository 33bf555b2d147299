"""The error explainer against errors raised by real torch, in English and Korean."""

from __future__ import annotations

import json
import subprocess

import pytest
import torch

from conftest import studytorch_cmd, subprocess_env
from studytorch.explain import explain


def raised(code: str, **names: object) -> dict:
    """Run `code` with real torch and return the error the way the probe describes it."""
    scope = {"torch": torch, **names}
    with pytest.raises(Exception) as info:
        exec(code, scope)
    operands = [
        {"name": n, "shape": list(v.shape), "dtype": str(v.dtype)[6:], "device": str(v.device)}
        for n, v in scope.items()
        if isinstance(v, torch.Tensor) and n in code
    ]
    return {
        "type": type(info.value).__name__,
        "message": str(info.value),
        "line": 1,
        "line_text": code,
        "operands": operands,
    }


CASES = [
    # (code, names, words the English must contain, words the Korean must contain)
    (
        "c = a @ b",
        {"a": torch.ones(2, 3), "b": torch.ones(4, 5)},
        ["2×3", "4×5", "3 ≠ 4"],
        ["안쪽"],
    ),
    (
        "torch.nn.Linear(3, 2)(x)",
        {"x": torch.ones(4, 5)},
        ["in_features", "nn.Linear(5, 2)"],
        ["nn.Linear(5, 2)"],
    ),
    (
        "torch.mm(a, b)",
        {"a": torch.ones(2, 2, 3), "b": torch.ones(3, 5)},
        ["bmm", "matmul"],
        ["broadcasting"],
    ),
    (
        "torch.matmul(a, v)",
        {"a": torch.ones(2, 3), "v": torch.ones(4)},
        ["2×3", "4 elements"],
        ["벡터"],
    ),
    (
        "torch.bmm(a, b)",
        {"a": torch.ones(2, 3, 4), "b": torch.ones(2, 5, 6)},
        ["[2, 4]", "[2, 5]"],
        ["배치"],
    ),
    (
        "a + b",
        {"a": torch.ones(2, 3), "b": torch.ones(2, 4)},
        ["dimension 1", "3", "4", "unsqueeze"],
        ["broadcast"],
    ),
    ("x.view(4, 4)", {"x": torch.ones(6)}, ["6", "[4, 4]", "-1"], ["원소"]),
    ("x.t().view(6)", {"x": torch.ones(2, 3)}, ["contiguous", "reshape"], ["reshape"]),
    (
        "torch.dot(a, b)",
        {"a": torch.ones(2, 3), "b": torch.ones(2, 3)},
        ["1-D", "2-D", "(a * b).sum(dim=1)", "a @ b.T"],
        ["1차원", "a @ b.T"],
    ),
    (
        "torch.dot(a, b)",
        {"a": torch.ones(3), "b": torch.ones(4)},
        ["same length", "3", "4"],
        ["길이"],
    ),
    (
        "loss.backward(); loss.backward()",
        {"loss": (torch.ones(2, requires_grad=True) * 2).sum()},
        ["second", "retain_graph"],
        ["retain_graph"],
    ),
    (
        "y.backward()",
        {"y": torch.ones(2, requires_grad=True) * 2},
        ["scalar", ".sum()"],
        ["스칼라"],
    ),
    ("y.backward()", {"y": torch.ones(2).sum()}, ["requires_grad=True"], ["requires_grad=True"]),
    (
        "a @ b",
        {"a": torch.ones(2, 3), "b": torch.ones(3, 2, dtype=torch.long)},
        ["dtype", ".float()"],
        ["dtype"],
    ),
    (
        "m(x)",
        {"m": torch.nn.Linear(3, 2), "x": torch.ones(4, 3, dtype=torch.long)},
        ["Long", "Float"],
        ["dtype"],
    ),
    (
        "torch.nn.functional.cross_entropy(a, t)",
        {"a": torch.ones(4, 3), "t": torch.ones(4)},
        [".long()"],
        ["long()"],
    ),
    (
        "a @ b",
        {"a": torch.ones(2, device="meta"), "b": torch.ones(2)},
        ["same device", ".to(device)"],
        ["장치"],
    ),
    (
        "torch.nn.functional.cross_entropy(logits, labels)",
        {"logits": torch.ones(4, 1), "labels": torch.tensor([0, 1, 0, 1])},
        ["label 1", "0 to C-1", "(4, 1)"],
        ["레이블 1", "C-1"],
    ),
    ("torch.empty(2 ** 62, dtype=torch.uint8)", {}, ["out of memory"], ["메모리"]),
    ("x.unsqueeze(5)", {"x": torch.ones(2, 3)}, ["Dimension 5", "-3 to 2"], ["차원"]),
]


@pytest.mark.parametrize(
    ("code", "names", "en_words", "ko_words"), CASES, ids=[c[0] for c in CASES]
)
def test_common_errors_get_an_explanation_in_both_languages(code, names, en_words, ko_words):
    error = raised(code, **names)
    explanation = explain(error)
    assert explanation is not None, error["message"]
    for word in en_words:
        assert word in explanation["en"], (word, explanation["en"])
    for word in ko_words:
        assert word in explanation["ko"], (word, explanation["ko"])
    assert explanation["en"].startswith("On line 1")
    assert explanation["ko"].startswith("1번째 줄")


def test_operand_shapes_from_the_failing_line_are_named():
    error = raised("c = a @ b", a=torch.ones(2, 3), b=torch.ones(4, 5))
    explanation = explain(error)
    assert "a (2, 3) float32" in explanation["en"]
    assert "b (4, 5) float32" in explanation["ko"]


def test_an_unknown_error_is_not_explained_and_so_is_shown_raw():
    assert explain(raised("torch.linalg.inv(torch.zeros(2, 2))")) is None
    assert explain({"type": "ValueError", "message": "something else", "line": 2}) is None
    assert explain(None) is None


def test_cuda_out_of_memory_is_explained():
    # No GPU here: the message is CUDA's own wording, raised as torch's own exception type.
    error = torch.OutOfMemoryError(
        "CUDA out of memory. Tried to allocate 20.00 GiB. GPU 0 has a total capacity of 79.19 GiB"
    )
    explanation = explain({"type": type(error).__name__, "message": str(error)})
    assert "ran out of memory" in explanation["en"]
    assert "empty_cache" in explanation["ko"]


@pytest.mark.kernel
def test_run_json_carries_the_explanation_and_the_failing_line(tmp_path):
    path = tmp_path / "bad.py"
    path.write_text("a = torch.ones(2, 3)\nb = torch.ones(4, 5)\nc = a @ b\n")
    proc = subprocess.run(
        studytorch_cmd("run", str(path), "--json", "--device", "cpu"),
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
    )
    assert proc.returncode == 1
    error = json.loads(proc.stdout)["error"]
    assert error["line"] == 3
    assert error["operands"][0] == {
        "name": "a",
        "shape": [2, 3],
        "dtype": "float32",
        "device": "cpu",
    }
    assert "3 ≠ 4" in error["explanation"]["en"]
    assert "3번째 줄" in error["explanation"]["ko"]
