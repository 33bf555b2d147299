"""The error explainer against errors raised by real torch, in English and Korean."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import re
import subprocess
import sys

import pytest
import pytest_asyncio
import torch

from conftest import (
    REPO,
    RUN_LIMIT_S,
    cuda_available,
    run_events,
    studytorch_cmd,
    subprocess_env,
    warm_session,
)
from studytorch.explain import FAMILIES, explain
from studytorch.kernel import KernelSession, RunResult
from studytorch.text import shape_text


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


def test_a_name_the_line_only_assigns_to_is_not_listed_as_an_operand():
    # `v` still holds an earlier value: it played no part in the failure.
    explanation = explain(raised("v = x[5]", v=torch.ones(7), x=torch.ones(3)))
    assert "x (3,) float32" in explanation["en"]
    assert "v (7,)" not in explanation["en"] and "v (7,)" not in explanation["ko"]


def test_a_fix_wraps_an_operand_that_is_an_expression_in_parentheses():
    # The operand contract names sub-expressions by their source text ("a + b", "x.t()").
    error = {
        "type": "RuntimeError",
        "message": "mat1 and mat2 shapes cannot be multiplied (3x4 and 3x4)",
        "line": 1,
        "line_text": "c = (a + b) @ x.t()",
        "operands": [
            {"name": "a + b", "shape": [3, 4], "dtype": "float32", "device": "cpu"},
            {"name": "x.t()", "shape": [3, 4], "dtype": "float32", "device": "cpu"},
        ],
    }
    explanation = explain(error)
    assert "`(a + b) @ x.t().T` gives 3×3" in explanation["en"]
    assert "`(a + b).T @ x.t()`" in explanation["ko"]


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
        "requires_grad": False,
        "name": "a",
        "shape": [2, 3],
        "dtype": "float32",
        "device": "cpu",
    }
    assert "3 ≠ 4" in error["explanation"]["en"]
    assert "3번째 줄" in error["explanation"]["ko"]


# --- every family, raised by real torch in a real kernel -------------------------------------

F = "torch.nn.functional"
DATASET = (
    "class Samples(torch.utils.data.Dataset):\n"
    "    def __len__(self):\n"
    "        return 4\n"
    "    def __getitem__(self, i):\n"
    "        {body}\n"
    "loader = torch.utils.data.DataLoader(Samples(), batch_size=2)\n"
    "for batch in loader:\n"
    "    pass\n"
)

KERNEL_CASES = [
    # (family, snippet, words the English must contain, words the Korean must contain)
    (
        "matmul",
        "a = torch.ones(3, 4)\nb = torch.ones(3, 4)\nc = a @ b",
        ["3×4", "4 ≠ 3", "`a @ b.T` gives 3×3", "`a.T @ b` gives 4×4", "a * b"],
        ["a @ b.T", "a.T @ b"],
    ),
    (
        "matmul",
        "layer = torch.nn.Linear(3, 2)\nx = torch.ones(4, 5)\ny = layer(x)",
        ["x (4, 5)", "in_features=3", "nn.Linear(5, 2)"],
        ["nn.Linear(5, 2)"],
    ),
    (
        "mm_needs_matrices",
        "a = torch.ones(2, 2, 3)\nb = torch.ones(3, 5)\nc = torch.mm(a, b)",
        ["a is 3-D", "bmm"],
        ["a는 3차원"],
    ),
    (
        "matvec",
        "m = torch.ones(2, 3)\nv = torch.ones(4)\nr = torch.matmul(m, v)",
        ["2×3", "4 elements", "3 elements"],
        ["벡터", "4개"],
    ),
    (
        "bmm",
        "a = torch.ones(2, 3, 4)\nb = torch.ones(2, 5, 6)\nc = torch.bmm(a, b)",
        ["[2, 4]", "[2, 5]"],
        ["[2, 4]", "배치"],
    ),
    (
        "dot_needs_vectors",
        "a = torch.ones(2, 3)\nb = torch.ones(2, 3)\nd = torch.dot(a, b)",
        ["(a * b).sum(dim=1)", "a @ b.T", "(2, 2)"],
        ["(a * b).sum(dim=1)", "a @ b.T"],
    ),
    (
        "dot_lengths",
        "a = torch.ones(3)\nb = torch.ones(4)\nd = torch.dot(a, b)",
        ["3 and 4"],
        ["3개와 4개"],
    ),
    (
        "broadcast",
        "a = torch.ones(2, 3)\nb = torch.ones(2, 4)\nc = a + b",
        ["dimension 1", "unsqueeze"],
        ["1번 차원"],
    ),
    (
        "broadcast",
        "scores = torch.ones(4, 3)\nweights = torch.ones(4)\nc = scores * weights",
        ["`weights.unsqueeze(-1)` is (4, 1)", "broadcasts with (4, 3)"],
        ["`weights.unsqueeze(-1)`는 (4, 1)"],
    ),
    (
        "broadcast",
        "a = torch.ones(2, 3)\nb = torch.ones(3, 2)\nc = a - b",
        ["`b.T` is (2, 3)"],
        ["`b.T`는 (2, 3)"],
    ),
    ("expand", "v = torch.ones(3)\ne = v.expand(2, 4)", ["[3]", "[2, 4]", "repeat"], ["[2, 4]"]),
    ("view_size", "x = torch.ones(6)\ny = x.view(4, 4)", ["has 6", "[4, 4]", "-1"], ["6개"]),
    (
        "view_size",
        "images = torch.ones(8, 3, 4, 4)\nflat = images.view(8, 3 * 4 * 5)",
        ["has 384", "`view(8, -1)` gives (8, 48)"],
        ["`view(8, -1)`는 (8, 48)"],
    ),
    (
        "view_not_contiguous",
        "x = torch.ones(2, 3)\nt = x.t()\ny = t.view(6)",
        ["contiguous", "reshape"],
        ["reshape"],
    ),
    (
        "dim_out_of_range",
        "x = torch.ones(2, 3)\ny = x.unsqueeze(5)",
        ["Dimension 5", "-3 to 2"],
        ["-3부터 2까지"],
    ),
    ("index_out_of_bounds", "x = torch.ones(3)\nv = x[5]", ["Index 5", "0 to 2"], ["0부터 2까지"]),
    (
        "collate_unequal_samples",
        DATASET.format(body="return torch.ones(i + 1)"),
        ["samples [0, 1]", "[1]", "[2]", "collate_fn"],
        ["샘플 [0, 1]", "collate_fn"],
    ),
    (
        "stack_sizes",
        "a = torch.ones(3)\nb = torch.ones(4)\ns = torch.stack([a, b])",
        ["entry 0 is [3]", "entry 1 is [4]", "torch.cat"],
        ["[3]", "[4]"],
    ),
    (
        "cat_sizes",
        "a = torch.ones(2, 3)\nb = torch.ones(2, 4)\nc = torch.cat([a, b])",
        ["dimension 0", "size 4", "first has 3", "`dim=1`: that gives (2, 7)"],
        ["크기가 4", "`dim=1`", "(2, 7)"],
    ),
    (
        "cat_ndim",
        "a = torch.ones(2, 3)\nv = torch.ones(3)\nc = torch.cat([a, v])",
        ["2-D and 1-D", "unsqueeze(0)"],
        ["2차원과 1차원"],
    ),
    (
        "cat_scalars",
        "l1 = torch.tensor(1.0)\nl2 = torch.tensor(2.0)\nc = torch.cat([l1, l2])",
        ["torch.stack"],
        ["torch.stack"],
    ),
    (
        "ragged_list",
        "t = torch.tensor([[1, 2, 3], [4, 5]])",
        ["3 elements", "has 2"],
        ["3개", "2개"],
    ),
    (
        "item_of_many",
        "x = torch.ones(3)\nv = x.item()",
        ["3 elements", "x.sum().item()"],
        ["원소가 3개"],
    ),
    (
        "item_of_many",
        "x = torch.ones(3)\nv = float(x)",
        ["3 elements", "x.tolist()"],
        ["원소가 3개"],
    ),
    (
        "bool_of_many",
        "x = torch.ones(3)\nif x > 0:\n    pass",
        ["(3,)", ".any()", ".all()"],
        [".any()", ".all()"],
    ),
    (
        "leaf_in_place",
        "w = torch.ones(3, requires_grad=True)\nw += 1",
        ["w is a tensor", "w -= lr * w.grad"],
        ["w -= lr * w.grad"],
    ),
    (
        "modified_in_place",
        "a = torch.ones(3, requires_grad=True)\nb = a.exp()\nb += 1\nb.sum().backward()",
        ["Line 3 (`b += 1`) changed b", "[3]", "exp()"],
        ["3번째 줄(`b += 1`)"],
    ),
    (
        "backward_twice",
        "w = torch.ones(2, requires_grad=True)\nloss = (w * w).sum()\nloss.backward()\n"
        "loss.backward()",
        ["second", "retain_graph"],
        ["retain_graph"],
    ),
    (
        "backward_not_scalar",
        "w = torch.ones(2, requires_grad=True)\ny = w * 2\ny.backward()",
        ["y is (2,)", ".sum()"],
        ["y은(는) (2,)"],
    ),
    (
        "no_grad_fn",
        "x = torch.ones(2)\ns = x.sum()\ns.backward()",
        ["requires_grad=True"],
        ["그래프"],
    ),
    (
        "grad_of_integers",
        "w = torch.tensor([1, 2], requires_grad=True)",
        ["[1.0, 2.0]"],
        ["[1.0, 2.0]"],
    ),
    (
        "requires_grad_of_non_leaf",
        "w = torch.ones(2, requires_grad=True)\ny = w * 2\ny.requires_grad = False",
        ["y.detach()"],
        ["y.detach()"],
    ),
    (
        "grad_is_none",
        "w = torch.ones(3, requires_grad=True)\nw.grad.zero_()",
        ["None until", "backward()"],
        ["None"],
    ),
    (
        "none_value",
        "def double(x):\n    y = x * 2\nout = double(torch.ones(2))\nprint(out.shape)",
        ["out is None", "`return`"],
        ["out이(가) None", "`return`"],
    ),
    (
        "python_value_not_tensor",
        "values = [torch.ones(2), torch.ones(2)]\nprint(values.shape)",
        ["values is a Python list", "`torch.tensor(values)`", "`torch.stack(values)`"],
        ["파이썬 list", "`torch.stack(values)`"],
    ),
    (
        "anomaly_nan",
        "a = torch.zeros(1, requires_grad=True)\nwith torch.autograd.detect_anomaly():\n"
        "    b = a / a\n    b.sum().backward()",
        ["DivBackward0", "epsilon"],
        ["DivBackward0", "epsilon"],
    ),
    (
        "numpy_of_grad_tensor",
        "w = torch.ones(3, requires_grad=True)\narr = w.numpy()",
        ["w.detach().numpy()"],
        ["w.detach().numpy()"],
    ),
    (
        "numpy_of_device_tensor",
        "m = torch.ones(3, device='meta')\narr = m.numpy()",
        ["on meta", "m.cpu().numpy()"],
        ["m.cpu().numpy()"],
    ),
    (
        "from_numpy_of_list",
        "values = [1, 2]\nt = torch.from_numpy(values)",
        ["not a list", "torch.tensor(values)"],
        ["torch.tensor(values)"],
    ),
    (
        "mean_of_integers",
        "counts = torch.arange(5)\nm = counts.mean()",
        ["Long", "counts.float().mean()"],
        ["counts.float().mean()"],
    ),
    (
        "in_place_int_cast",
        "x = torch.arange(3)\nx /= 2",
        ["Long", "Float", "x = x / 2"],
        ["x = x / 2"],
    ),
    (
        "embedding_float_indices",
        "emb = torch.nn.Embedding(10, 4)\nids = torch.tensor([3.0, 1.0])\nout = emb(ids)",
        ["ids.long()"],
        ["ids.long()"],
    ),
    (
        "dtype_mismatch",
        "a = torch.ones(2, 3)\nb = torch.ones(3, 2, dtype=torch.long)\nc = a @ b",
        ["different dtypes", ".float()"],
        ["dtype"],
    ),
    (
        "dtype_mismatch",
        "import numpy as np\nlayer = torch.nn.Linear(2, 2)\nx = torch.from_numpy(np.ones((1, 2)))\n"
        "y = layer(x)",
        ["Double", "NumPy", ".float()"],
        ["NumPy"],
    ),
    (
        "dtype_mismatch",  # the input type vs weight type wording, on one device
        "conv = torch.nn.Conv2d(3, 16, 3)\nx = torch.ones(1, 3, 8, 8, dtype=torch.float64)\n"
        "y = conv(x)",
        ["double", "float"],
        ["dtype"],
    ),
    (
        "target_dtype",
        f"logits = torch.ones(4, 3)\nlabels = torch.ones(4)\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["labels.long()"],
        ["labels.long()"],
    ),
    (
        "target_out_of_range",
        f"logits = torch.ones(4, 5)\nlabels = torch.tensor([0, 1, 5, 2])\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["label 5", "C=5 classes", "0 to 4"],
        ["C=5", "0부터 4까지"],
    ),
    (
        "batch_size_mismatch",
        f"logits = torch.ones(4, 5)\nlabels = torch.zeros(3, dtype=torch.long)\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["4 rows", "3 labels"],
        ["4행", "3개"],
    ),
    (
        "multi_target",
        f"logits = torch.ones(4, 5)\nlabels = torch.zeros(4, 1, dtype=torch.long)\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["shape (4, 1)", "labels.squeeze(1)", "(4,)"],
        ["(4, 1)", "labels.squeeze(1)"],
    ),
    (
        "one_hot_long_target",
        f"logits = torch.ones(4, 5)\nlabels = {F}.one_hot(torch.tensor([0, 1, 2, 3]), 5)\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["C=5", "labels.argmax(dim=1)", "labels.float()"],
        ["C=5", "labels.argmax(dim=1)"],
    ),
    (
        "bce_target_shape",
        "scores = torch.ones(4, 1)\ntargets = torch.ones(4)\n"
        "loss = torch.nn.BCEWithLogitsLoss()(scores, targets)",
        ["[4, 1]", "[4]", "squeeze(1)"],
        ["[4, 1]", "squeeze(1)"],
    ),
    (
        "bce_range",
        f"probs = torch.tensor([1.5])\ntargets = torch.tensor([1.0])\n"
        f"loss = {F}.binary_cross_entropy(probs, targets)",
        ["sigmoid", "BCEWithLogitsLoss"],
        ["sigmoid"],
    ),
    (
        "conv_channels",
        "conv = torch.nn.Conv2d(3, 16, 3)\nimages = torch.ones(8, 32, 32, 3)\nout = conv(images)",
        ["[8, 32, 32, 3]", "images.permute(0, 3, 1, 2)", "(8, 3, 32, 32)"],
        ["images.permute(0, 3, 1, 2)", "(8, 3, 32, 32)"],
    ),
    (
        "conv_channels",
        "conv = torch.nn.Conv1d(3, 24, 5)\nseries = torch.ones(8, 256, 3)\nout = conv(series)",
        ["series.permute(0, 2, 1)", "(8, 3, 256)"],
        ["series.permute(0, 2, 1)"],
    ),
    (
        "conv_channels",
        "conv = torch.nn.Conv2d(3, 16, 3)\nimages = torch.ones(8, 1, 28, 28)\nout = conv(images)",
        ["3 input channels", "in_channels=1"],
        ["in_channels=1"],
    ),
    (
        "conv_input_dims",
        "conv = torch.nn.Conv2d(1, 4, 3)\nimage = torch.ones(28, 28)\nout = conv(image)",
        ["[28, 28]", "image.unsqueeze(0)"],
        ["image.unsqueeze(0)"],
    ),
    (
        "input_too_small",
        "conv = torch.nn.Conv2d(1, 1, 5)\nimage = torch.ones(1, 1, 3, 3)\nout = conv(image)",
        ["kernel_size", "padding"],
        ["padding"],
    ),
    (
        "layer_norm_shape",
        "norm = torch.nn.LayerNorm(10)\nx = torch.ones(4, 5)\ny = norm(x)",
        ["[4, 5]", "nn.LayerNorm(5)"],
        ["nn.LayerNorm(5)"],
    ),
    (
        "batch_norm_features",
        "bn = torch.nn.BatchNorm1d(10)\nx = torch.ones(4, 8)\ny = bn(x)",
        ["10 features", "nn.BatchNorm1d(8)"],
        ["nn.BatchNorm1d(8)"],
    ),
    (
        "batch_norm_one_sample",
        "bn = torch.nn.BatchNorm1d(10)\nx = torch.ones(1, 10)\ny = bn(x)",
        ["[1, 10]", "model.eval()", "drop_last=True"],
        ["model.eval()", "drop_last=True"],
    ),
    (
        "rnn_input_size",
        "lstm = torch.nn.LSTM(10, 20)\nseq = torch.ones(5, 3, 8)\nout = lstm(seq)",
        ["input_size=10", "input_size=8"],
        ["`input_size`는 10", "8개"],
    ),
    (
        "embedding_index_out_of_range",
        "emb = torch.nn.Embedding(10, 4)\nids = torch.tensor([3, 10])\nout = emb(ids)",
        ["10 rows", "0 to 9", "ids contains 10", "nn.Embedding(11, ...)"],
        ["0부터 9까지", "nn.Embedding(11, ...)"],
    ),
    (
        "forward_missing_argument",
        "class Net(torch.nn.Module):\n    def forward(self, x, mask):\n        return x\n"
        "net = Net()\nx = torch.ones(2)\ny = net(x)",
        ["Net's `forward`", "'mask'", "model(x, mask)"],
        ["'mask'"],
    ),
    (
        "assigned_before_init",
        "class Net(torch.nn.Module):\n    def __init__(self):\n"
        "        self.fc = torch.nn.Linear(2, 2)\n        super().__init__()\nnet = Net()",
        ["assigned a layer", "super().__init__()"],
        ["super().__init__()"],
    ),
    (
        "state_dict_mismatch",
        "small = torch.nn.Linear(3, 2)\nbig = torch.nn.Linear(3, 4)\n"
        "big.load_state_dict(small.state_dict())",
        ["`weight` was [2, 3]", "[4, 3]"],
        ["[2, 3]", "[4, 3]"],
    ),
    (
        "optimizer_without_parameters",
        "class Net(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.layers = [torch.nn.Linear(2, 2)]\nnet = Net()\n"
        "opt = torch.optim.SGD(net.parameters(), lr=0.1)",
        ["nn.ModuleList"],
        ["nn.ModuleList"],
    ),
    (
        "optimizer_non_leaf",
        "w = torch.randn(3, requires_grad=True) * 0.1\nopt = torch.optim.SGD([w], lr=0.1)",
        ["requires_grad_()"],
        ["requires_grad_()"],
    ),
    (
        "fx_control_flow",
        "class Net(torch.nn.Module):\n    def forward(self, x):\n        if x.sum() > 0:\n"
        "            return x\n        return -x\ngraph = torch.fx.symbolic_trace(Net())",
        ["torch.where", "concrete_args"],
        ["torch.where"],
    ),
    ("tensor_not_callable", "x = torch.ones(4)\nv = x(3)", ["x[3]"], ["x[3]"]),
    (
        "attribute_typo",
        "model = torch.nn.Linear(2, 2)\nmodel.trian()",
        ["Linear has no `trian`", "did you mean `train()`"],
        ["`train()`"],
    ),
    ("attribute_typo", "x = torch.ones(2)\narr = x.numpyy()", ["`numpy()`"], ["`numpy()`"]),
    (
        "device_mismatch",
        "a = torch.ones(2, device='meta')\nb = torch.ones(2)\nc = a + b",
        ["a is on meta", "b is on cpu", ".to(device)"],
        ["a은(는) meta", "b은(는) cpu"],
    ),
    (
        "device_mismatch",
        "layer = torch.nn.Linear(3, 2).to('meta')\nx = torch.ones(4, 3)\ny = layer(x)",
        [
            "x is on cpu and the weights of `Linear(in_features=3, out_features=2, bias=True)` are "
            "on meta",
            "model.to(device)",
        ],
        ["x은(는) cpu에", "가중치는 meta에"],
    ),
    (
        "out_of_memory",
        "big = torch.empty(2 ** 62, dtype=torch.uint8)",
        ["out of memory", "asked for 4 EiB"],
        ["메모리", "4 EiB"],
    ),
    ("python_memory_error", "buffer = bytearray(1 << 62)", ["RAM", "DataLoader"], ["RAM"]),
    (
        "collate_bad_sample",
        DATASET.format(body="x = torch.ones(2)"),
        ["returned None", "samples [0, 1]", "return x, y"],
        ["None", "return x, y"],
    ),
    (
        "collate_ragged_lists",
        DATASET.format(body="return [1] * (i + 1)"),
        ["different lengths", "samples [0, 1]", "pad_sequence"],
        ["pad_sequence"],
    ),
    (
        "syntax_error",
        "for i in range(3)\n    print(i)",
        ["On line 1", "colon `:`"],
        ["1번째 줄", "콜론"],
    ),
    ("syntax_error", "x = (1, 2\ny = 3", ["bracket `(`"], ["괄호 `(`"]),
    (
        "indentation_error",
        "for i in range(3):\nprint(i)",
        ["On line 2", "`for` on line 1", "pass"],
        ["1번째 줄의 `for`", "pass"],
    ),
]

CPU_ONLY = [
    (
        "no_cuda_build",
        "x = torch.ones(2)\ny = x.to('cuda')",
        ["CPU-only", "torch.cuda.is_available()"],
        ["CPU 전용"],
    ),
]
MISSING_PACKAGE = [
    (
        "module_not_found",
        "import torchvision",
        ["`torchvision` is not installed", "-m pip install torchvision"],
        ["-m pip install torchvision"],
    ),
]

NOT_ON_CPU = {"gpu_assert", "no_gpu_driver", "killed_out_of_memory"}
"""Families tested elsewhere: test_cuda.py, the CUDA test below, the killed-kernel test."""


def test_every_family_has_a_kernel_case():
    tested = {case[0] for case in KERNEL_CASES + CPU_ONLY + MISSING_PACKAGE} | NOT_ON_CPU
    assert tested == {fam.name for fam in FAMILIES}
    assert len(FAMILIES) >= 40


@pytest_asyncio.fixture(loop_scope="module")
async def kernel(warm_kernel: KernelSession) -> KernelSession:
    await asyncio.wait_for(warm_kernel.reset(), RUN_LIMIT_S)
    return warm_kernel


async def run_result(session: KernelSession, code: str) -> RunResult:
    result = RunResult()
    for _, event in await run_events(session, code):
        result.add(event)
    return result


def _cases():
    cases = list(KERNEL_CASES)
    if not cuda_available():
        cases += CPU_ONLY
    if importlib.util.find_spec("torchvision") is None:
        cases += MISSING_PACKAGE
    return cases


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(
    ("family", "code", "en_words", "ko_words"),
    _cases(),
    ids=[f"{case[0]}-{i}" for i, case in enumerate(_cases())],
)
async def test_each_family_explains_the_real_error_with_its_operands(
    kernel, family, code, en_words, ko_words
):
    result = await run_result(kernel, code)
    error = result.error
    assert error is not None and result.status == "error", result.stdout + result.stderr
    explanation = error.get("explanation")
    assert explanation is not None, f"{error['type']}: {error['message']}"
    assert explanation["family"] == family, f"{error['type']}: {error['message']}"
    for word in en_words:
        assert word in explanation["en"], (word, explanation["en"])
    for word in ko_words:
        assert word in explanation["ko"], (word, explanation["ko"])
    if error.get("line"):
        assert explanation["en"].startswith(f"On line {error['line']} ")
        assert explanation["ko"].startswith(f"{error['line']}번째 줄")
    for op in error.get("operands", []):
        named = f"{op['name']} {shape_text(op['shape'])}"
        assert named in explanation["en"] and named in explanation["ko"]


@pytest.mark.kernel
async def test_a_kernel_killed_from_outside_is_explained_as_running_out_of_memory(tmp_path):
    # SIGKILL is what the Linux out-of-memory killer sends; sending it ourselves is the same
    # death without exhausting this machine's memory.
    async with warm_session("cpu", tmp_path) as session:
        result = await run_result(
            session, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"
        )
    assert result.error["type"] == "KernelDied"
    explanation = result.error["explanation"]
    assert explanation["family"] == "killed_out_of_memory"
    assert "out-of-memory killer" in explanation["en"]
    assert "메모리 부족" in explanation["ko"]


@pytest.mark.cuda
@pytest.mark.skipif(not cuda_available(), reason="needs a CUDA GPU")
def test_gpu_errors_that_need_a_cuda_build_are_explained():
    # Hidden GPUs: the CUDA build then says it sees none.
    hidden = subprocess.run(
        [sys.executable, "-c", "import torch; torch.ones(1, device='cuda')"],
        capture_output=True,
        text=True,
        env={**subprocess_env(), "CUDA_VISIBLE_DEVICES": ""},
    )
    message = hidden.stderr.strip().splitlines()[-1]
    kind, _, text = message.partition(": ")
    explanation = explain({"type": kind, "message": text})
    assert explanation["family"] == "no_gpu_driver", message
    assert "torch.cuda.is_available()" in explanation["en"]
    # A model left on the CPU fed an input on the GPU.
    conv = torch.nn.Conv2d(3, 4, 3)
    with pytest.raises(RuntimeError) as info:
        conv(torch.ones(1, 3, 8, 8, device="cuda"))
    explanation = explain({"type": "RuntimeError", "message": str(info.value)})
    assert explanation["family"] == "device_mismatch", str(info.value)
    assert "model is still on the CPU" in explanation["en"]
    assert "모델이 아직 CPU에 있습니다" in explanation["ko"]


def test_docs_list_every_family_and_every_warning():
    docs = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(\w+)` \|", docs, re.M))
    mistakes = (REPO / "tui" / "studytorch" / "kernel" / "probe" / "mistakes.py").read_text()
    kinds = set(re.findall(r'_warning\(\s*"(\w+)"', mistakes))
    assert kinds >= {"attribute_typo", "no_step", "grad_accumulates", "eval_forgotten"}
    assert listed == {fam.name for fam in FAMILIES} | kinds
    assert f"{len(FAMILIES)} error families and {len(kinds)} warnings" in docs


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
async def test_the_batch_that_could_not_be_made_shows_in_the_batches_view(kernel):
    code = DATASET.format(body="return torch.ones(1 if i < 2 else i)")
    result = await run_result(kernel, code)
    assert result.error["batch_indices"] == [2, 3]
    batches = result.to_json()["batches"]
    assert [(b["batch"], b["indices"], b.get("failed", False)) for b in batches] == [
        (0, [0, 1], False),
        (1, [2, 3], True),
    ]
    assert batches[1]["loader"] == "loader"
    assert "stack expects each tensor to be equal size" in batches[1]["parts"][0]["preview"]
