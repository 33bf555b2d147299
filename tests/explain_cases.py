"""Realistic snippets that raise, at least one per explanation family, with the fix each
explanation proposes: the tests prove the snippet raises and the snippet with the fix runs clean.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    family: str
    code: str
    en: list[str]
    """Words the English explanation must contain."""
    ko: list[str]
    """Words the Korean explanation must contain."""
    fix: tuple[str, str] | None = None
    """(old, new): the last `old` in the snippet becomes `new`, and then the snippet runs clean."""
    proposed: str | None = None
    """The code the explanation proposes, in both languages (default: `new`); where there is no
    `fix`, the explanation says what to look at, and `en`/`ko` hold those words."""

    def fixed(self) -> str:
        assert self.fix is not None
        old, new = self.fix
        before, found, after = self.code.rpartition(old)
        assert found, (old, self.code)
        return before + new + after

    def shows(self) -> str:
        assert self.fix is not None
        return self.proposed or self.fix[1]


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
TEMP = "import os, tempfile\npath = os.path.join(tempfile.mkdtemp(), 'ckpt.pt')\n"
TRAINED = (
    "model = nn.Linear(2, 1)\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
    "loss = model(torch.ones(4, 2)).sum()\nloss.backward()\n"
)

KERNEL_CASES = [
    Case(
        "matmul",
        "a = torch.ones(3, 4)\nb = torch.ones(3, 4)\nc = a @ b",
        ["3×4", "4 ≠ 3", "`a @ b.T` gives 3×3", "`a.T @ b` gives 4×4", "a * b"],
        ["a @ b.T", "a.T @ b"],
        ("a @ b", "a @ b.T"),
    ),
    Case(
        "matmul",
        "layer = nn.Linear(3, 2)\nx = torch.ones(4, 5)\ny = layer(x)",
        ["x (4, 5)", "in_features=3", "nn.Linear(5, 2)"],
        ["nn.Linear(5, 2)"],
        ("nn.Linear(3, 2)", "nn.Linear(5, 2)"),
    ),
    Case(
        "mm_needs_matrices",
        "a = torch.ones(2, 2, 3)\nb = torch.ones(3, 5)\nc = torch.mm(a, b)",
        ["a is 3-D", "bmm"],
        ["a는 3차원"],
        ("torch.mm(a, b)", "torch.matmul(a, b)"),
        "torch.matmul",
    ),
    Case(
        "matvec",
        "m = torch.ones(2, 3)\nv = torch.ones(4)\nr = torch.matmul(m, v)",
        ["2×3", "4 elements", "3 elements"],
        ["벡터", "4개"],
    ),
    Case(
        "bmm",
        "a = torch.ones(2, 3, 4)\nb = torch.ones(2, 5, 6)\nc = torch.bmm(a, b)",
        ["[2, 4]", "[2, 5]"],
        ["[2, 4]", "배치"],
    ),
    Case(
        "dot_needs_vectors",
        "a = torch.ones(2, 3)\nb = torch.ones(2, 3)\nd = torch.dot(a, b)",
        ["(a * b).sum(dim=1)", "a @ b.T", "(2, 2)"],
        ["(a * b).sum(dim=1)", "a @ b.T"],
        ("torch.dot(a, b)", "(a * b).sum(dim=1)"),
    ),
    Case(
        "dot_lengths",
        "a = torch.ones(3)\nb = torch.ones(4)\nd = torch.dot(a, b)",
        ["3 and 4"],
        ["3개와 4개"],
    ),
    Case(
        "broadcast",
        "a = torch.ones(2, 3)\nb = torch.ones(2, 4)\nc = a + b",
        ["dimension 1", "`a` has 3 and `b` has 4", "unsqueeze"],
        ["1번 차원", "`a` 쪽은 3"],
    ),
    Case(
        "broadcast",
        "scores = torch.ones(4, 3)\nweights = torch.ones(4)\nc = scores * weights",
        ["`weights.unsqueeze(-1)` is (4, 1)", "broadcasts with (4, 3)"],
        ["`weights.unsqueeze(-1)`의 모양은 (4, 1)"],
        ("weights", "weights.unsqueeze(-1)"),
    ),
    Case(
        "broadcast",
        "a = torch.ones(2, 3)\nb = torch.ones(3, 2)\nc = a - b",
        ["`b.T` is (2, 3)"],
        ["`b.T`의 모양은 (2, 3)"],
        ("b", "b.T"),
    ),
    Case(  # the starter of shape-ops step 4: the fix is the exercise's, never `.T`
        "broadcast",
        "v = torch.tensor([1.0, 2.0, 3.0])\nrow = torch.arange(4.0)\ncol = v.unsqueeze(0)\n"
        "table = col * row.unsqueeze(0)",
        ["Both are rows, (1, 3) and (1, 4)", "(3, 4) table"],
        ["(3, 1) 모양의 열"],
        ("v.unsqueeze(0)", "v.unsqueeze(1)"),
    ),
    Case(
        "expand", "v = torch.ones(3)\ne = v.expand(2, 4)", ["[3]", "[2, 4]", "repeat"], ["[2, 4]"]
    ),
    Case("view_size", "x = torch.ones(6)\ny = x.view(4, 4)", ["has 6", "[4, 4]", "-1"], ["6개"]),
    Case(
        "view_size",
        "images = torch.ones(8, 3, 4, 4)\nflat = images.view(8, 3 * 4 * 5)",
        ["has 384", "`view(8, -1)` gives (8, 48)"],
        ["`view(8, -1)`의 결과는 (8, 48)"],
        ("view(8, 3 * 4 * 5)", "view(8, -1)"),
    ),
    Case(
        "view_not_contiguous",
        "x = torch.ones(2, 3)\nt = x.t()\ny = t.view(6)",
        ["contiguous", "reshape"],
        ["reshape"],
        ("t.view(6)", "t.reshape(6)"),
    ),
    Case(
        "dim_out_of_range",
        "x = torch.ones(2, 3)\ny = x.unsqueeze(5)",
        ["Dimension 5", "-3 to 2"],
        ["-3부터 2까지"],
    ),
    Case(
        "index_out_of_bounds",
        "x = torch.ones(3)\nv = x[5]",
        ["Index 5", "0 to 2", "`x[-1]`"],
        ["0부터 2까지"],
    ),
    Case(
        "collate_unequal_samples",
        DATASET.format(body="return torch.ones(i + 1)"),
        ["samples [0, 1]", "[1]", "[2]", "collate_fn"],
        ["샘플 [0, 1]", "collate_fn"],
    ),
    Case(
        "stack_sizes",
        "a = torch.ones(3)\nb = torch.ones(4)\ns = torch.stack([a, b])",
        ["entry 0 is [3]", "entry 1 is [4]", "torch.cat"],
        ["[3]", "[4]"],
        ("torch.stack([a, b])", "torch.cat([a, b])"),
        "torch.cat",
    ),
    Case(
        "cat_sizes",
        "a = torch.ones(2, 3)\nb = torch.ones(2, 4)\nc = torch.cat([a, b])",
        ["dimension 0", "size 4", "first has 3", "`dim=1`: that gives (2, 7)"],
        ["크기가 4", "`dim=1`", "(2, 7)"],
        ("torch.cat([a, b])", "torch.cat([a, b], dim=1)"),
        "dim=1",
    ),
    Case(
        "cat_ndim",
        "a = torch.ones(2, 3)\nv = torch.ones(3)\nc = torch.cat([a, v])",
        ["2-D and 1-D", "unsqueeze(0)"],
        ["2차원과 1차원"],
        ("[a, v]", "[a, v.unsqueeze(0)]"),
        "v.unsqueeze(0)",
    ),
    Case(
        "cat_scalars",
        "l1 = torch.tensor(1.0)\nl2 = torch.tensor(2.0)\nc = torch.cat([l1, l2])",
        ["torch.stack"],
        ["torch.stack"],
        ("torch.cat([l1, l2])", "torch.stack([l1, l2])"),
    ),
    Case(
        "ragged_list",
        "t = torch.tensor([[1, 2, 3], [4, 5]])",
        ["3 elements", "has 2"],
        ["3개", "2개"],
    ),
    Case(
        "ragged_numpy",
        "import numpy as np\nrows = [[1, 2, 3], [4, 5]]\narr = np.array(rows)",
        ["different lengths", "pad_sequence"],
        ["pad_sequence"],
        (
            "np.array(rows)",
            "torch.nn.utils.rnn.pad_sequence([torch.tensor(r) for r in rows], batch_first=True)",
        ),
    ),
    Case(
        "item_of_many",
        "x = torch.ones(3)\nv = x.item()",
        ["3 elements", "x.sum().item()"],
        ["원소가 3개"],
        ("x.item()", "x.sum().item()"),
    ),
    Case(
        "item_of_many",
        "x = torch.ones(3)\nv = float(x)",
        ["3 elements", "x.tolist()"],
        ["원소가 3개"],
        ("float(x)", "x.sum().item()"),
    ),
    Case(
        "item_of_many",
        "a = torch.ones(2)\nb = torch.zeros(2)\nt = torch.tensor([a, b])",
        ["elements are tensors", "torch.stack([a, b])"],
        ["torch.stack([a, b])"],
        ("torch.tensor([a, b])", "torch.stack([a, b])"),
    ),
    Case(
        "bool_of_many",
        "x = torch.ones(3)\nif x > 0:\n    pass",
        ["(3,)", "`(x > 0).any()`", ".all()"],
        ["(x > 0).any()", ".all()"],
        ("x > 0", "(x > 0).any()"),
    ),
    Case(  # a loss class given the tensors: make the loss, then call it
        "bool_of_many",
        "pred = torch.ones(4)\ny = torch.zeros(4)\nloss = nn.MSELoss(pred, y)",
        ["is a class", "nn.MSELoss()(pred, y)"],
        ["nn.MSELoss()(pred, y)"],
        ("nn.MSELoss(pred, y)", "nn.MSELoss()(pred, y)"),
    ),
    Case(
        "argument_not_tensor",
        "import numpy as np\nmodel = nn.Linear(2, 1)\nfeatures = np.ones((4, 2))\n"
        "out = model(features)",
        ["got a numpy.ndarray", "model(torch.from_numpy(features).float())"],
        ["model(torch.from_numpy(features).float())"],
        ("model(features)", "model(torch.from_numpy(features).float())"),
    ),
    Case(
        "leaf_in_place",
        "w = torch.ones(3, requires_grad=True)\nloss = (w * 2).sum()\nloss.backward()\n"
        "lr = 0.1\nw -= lr * w.grad",
        ["w is a tensor"],
        ["w는 `requires_grad=True`"],
        ("w -= lr * w.grad", "with torch.no_grad(): w -= lr * w.grad"),
    ),
    Case(  # the case: the update names `p`, never `p.grad`
        "leaf_in_place",
        "p = torch.ones(2, requires_grad=True)\n(p * p).sum().backward()\nlr = 0.1\n"
        "p -= lr * p.grad",
        ["p is a tensor"],
        ["p는"],
        ("p -= lr * p.grad", "with torch.no_grad(): p -= lr * p.grad"),
    ),
    Case(
        "modified_in_place",
        "a = torch.ones(3, requires_grad=True)\nb = a.exp()\nb += 1\nb.sum().backward()",
        ["Line 3 (`b += 1`) changed b", "[3]", "exp()"],
        ["3번째 줄(`b += 1`)"],
        ("b += 1", "b = b + 1"),
    ),
    Case(  # a hidden state carried across iterations: detach it, not retain_graph
        "backward_twice",
        "cell = nn.RNNCell(2, 4)\nhidden = torch.zeros(1, 4)\nfor step in range(3):\n"
        "    hidden = cell(torch.ones(1, 2), hidden)\n    loss = hidden.sum()\n"
        "    loss.backward()",
        ["already freed", "retain_graph"],
        ["detach()"],
        ("    hidden = cell(", "    hidden = hidden.detach()\n    hidden = cell("),
        "hidden = hidden.detach()",
    ),
    Case(
        "backward_not_scalar",
        "w = torch.ones(2, requires_grad=True)\ny = w * 2\ny.backward()",
        ["y is (2,)"],
        ["y는 (2,) 모양"],
        ("y.backward()", "y.sum().backward()"),
    ),
    Case(
        "no_grad_fn",
        "x = torch.ones(2)\ns = x.sum()\ns.backward()",
        ["requires_grad=True"],
        ["그래프"],
        ("torch.ones(2)", "torch.ones(2, requires_grad=True)"),
        "requires_grad=True",
    ),
    Case(
        "grad_of_integers",
        "w = torch.tensor([1, 2], requires_grad=True)",
        ["[1.0, 2.0]"],
        ["[1.0, 2.0]"],
        ("[1, 2]", "[1.0, 2.0]"),
    ),
    Case(
        "requires_grad_of_non_leaf",
        "w = torch.ones(2, requires_grad=True)\ny = w * 2\ny.requires_grad = False",
        ["y.detach()"],
        ["y.detach()"],
        ("y.requires_grad = False", "y = y.detach()"),
        "y.detach()",
    ),
    Case(
        "grad_is_none",
        "w = torch.ones(3, requires_grad=True)\nw.grad.zero_()",
        ["None until", "backward()"],
        ["None"],
        ("w.grad.zero_()", "if w.grad is not None: w.grad.zero_()"),
        "if w.grad is not None:",
    ),
    Case(
        "none_value",
        "def double(x):\n    y = x * 2\nout = double(torch.ones(2))\nprint(out.shape)",
        ["out is None", "`return`"],
        ["out은 None이라", "`return`"],
        ("    y = x * 2", "    return x * 2"),
        "return",
    ),
    Case(
        "python_value_not_tensor",
        "values = [torch.ones(2), torch.ones(2)]\nprint(values.shape)",
        ["values is a Python list", "`torch.tensor(values)`", "`torch.stack(values)`"],
        ["파이썬 list", "`torch.stack(values)`"],
        ("values.shape", "torch.stack(values).shape"),
        "torch.stack(values)",
    ),
    Case(
        "anomaly_nan",
        "a = torch.zeros(1, requires_grad=True)\nwith torch.autograd.detect_anomaly():\n"
        "    b = a / a\n    b.sum().backward()",
        ["DivBackward0", "epsilon"],
        ["DivBackward0", "epsilon"],
    ),
    Case(
        "numpy_of_grad_tensor",
        "w = torch.ones(3, requires_grad=True)\narr = w.numpy()",
        ["w.detach().numpy()"],
        ["w.detach().numpy()"],
        ("w.numpy()", "w.detach().numpy()"),
    ),
    Case(  # meta tensors cannot be copied out: the fix is proven on a GPU only
        "numpy_of_device_tensor",
        "m = torch.ones(3, device='meta')\narr = m.numpy()",
        ["on meta", "m.cpu().numpy()"],
        ["m.cpu().numpy()"],
    ),
    Case(
        "from_numpy_of_list",
        "values = [1, 2]\nt = torch.from_numpy(values)",
        ["not a list", "torch.tensor(values)"],
        ["torch.tensor(values)"],
        ("torch.from_numpy(values)", "torch.tensor(values)"),
    ),
    Case(
        "mean_of_integers",
        "counts = torch.arange(5)\nm = counts.mean()",
        ["Long", "counts.float().mean()"],
        ["counts.float().mean()"],
        ("counts.mean()", "counts.float().mean()"),
    ),
    Case(
        "in_place_int_cast",
        "x = torch.arange(3)\nx /= 2",
        ["Long", "Float", "x = x / 2"],
        ["x = x / 2"],
        ("x /= 2", "x = x / 2"),
    ),
    Case(
        "embedding_float_indices",
        "emb = nn.Embedding(10, 4)\nids = torch.tensor([3.0, 1.0])\nout = emb(ids)",
        ["ids.long()"],
        ["ids.long()"],
        ("emb(ids)", "emb(ids.long())"),
        "ids.long()",
    ),
    Case(
        "index_dtype",
        "x = torch.ones(3)\nidx = torch.tensor([0.0, 2.0])\nv = x[idx]",
        ["idx.long()"],
        ["idx.long()"],
        ("x[idx]", "x[idx.long()]"),
        "idx.long()",
    ),
    Case(
        "dtype_mismatch",
        "a = torch.ones(2, 3)\nb = torch.ones(3, 2, dtype=torch.long)\nc = a @ b",
        ["different dtypes", "`b.float()`"],
        ["dtype", "`b.float()`"],
        ("a @ b", "a @ b.float()"),
        "b.float()",
    ),
    Case(  # the starter of tensors step 3: Long and Float in `torch.dot`
        "dtype_mismatch",
        "cpu_data = torch.arange(3)\nweights = torch.tensor([0.5, 1.0, 2.0])\n"
        "moved = cpu_data\ntotal = torch.dot(moved, weights)",
        ["Long", "`moved.float()`"],
        ["`moved.float()`"],
        ("torch.dot(moved, weights)", "torch.dot(moved.float(), weights)"),
        "moved.float()",
    ),
    Case(
        "dtype_mismatch",
        "import numpy as np\nlayer = nn.Linear(2, 2)\nx = torch.from_numpy(np.ones((1, 2)))\n"
        "y = layer(x)",
        ["Double", "`x.float()`"],
        ["`x.float()`"],
        ("layer(x)", "layer(x.float())"),
        "x.float()",
    ),
    Case(  # the input type vs weight type wording, on one device
        "dtype_mismatch",
        "conv = nn.Conv2d(3, 16, 3)\nx = torch.ones(1, 3, 8, 8, dtype=torch.float64)\ny = conv(x)",
        ["double", "float"],
        ["dtype"],
        ("conv(x)", "conv(x.float())"),
        "x.float()",
    ),
    Case(
        "target_dtype",
        f"logits = torch.ones(4, 3)\nlabels = torch.ones(4)\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["labels.long()"],
        ["labels.long()"],
        ("(logits, labels)", "(logits, labels.long())"),
        "labels.long()",
    ),
    Case(
        "target_out_of_range",
        f"logits = torch.ones(4, 5)\nlabels = torch.tensor([0, 1, 5, 2])\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["label 5", "C=5 classes", "0 to 4"],
        ["C=5", "0부터 4까지"],
    ),
    Case(
        "batch_size_mismatch",
        f"logits = torch.ones(4, 5)\nlabels = torch.zeros(3, dtype=torch.long)\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["4 rows", "3 labels"],
        ["4행", "3개"],
    ),
    Case(
        "multi_target",
        f"logits = torch.ones(4, 5)\nlabels = torch.zeros(4, 1, dtype=torch.long)\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["shape (4, 1)", "labels.squeeze(1)", "(4,)"],
        ["(4, 1)", "labels.squeeze(1)"],
        ("(logits, labels)", "(logits, labels.squeeze(1))"),
        "labels.squeeze(1)",
    ),
    Case(
        "one_hot_long_target",
        f"logits = torch.ones(4, 5)\nlabels = {F}.one_hot(torch.tensor([0, 1, 2, 3]), 5)\n"
        f"loss = {F}.cross_entropy(logits, labels)",
        ["C=5", "labels.argmax(dim=1)", "labels.float()"],
        ["C=5", "labels.argmax(dim=1)"],
        ("(logits, labels)", "(logits, labels.argmax(dim=1))"),
        "labels.argmax(dim=1)",
    ),
    Case(
        "bce_target_shape",
        "scores = torch.ones(4, 1)\ntargets = torch.ones(4)\n"
        "loss = nn.BCEWithLogitsLoss()(scores, targets)",
        ["[4, 1]", "[4]", "scores.squeeze(1)"],
        ["[4, 1]", "scores.squeeze(1)"],
        ("(scores, targets)", "(scores.squeeze(1), targets)"),
        "scores.squeeze(1)",
    ),
    Case(
        "bce_range",
        f"scores = torch.tensor([1.5])\ntargets = torch.tensor([1.0])\n"
        f"loss = {F}.binary_cross_entropy(scores, targets)",
        ["sigmoid", "BCEWithLogitsLoss"],
        ["sigmoid"],
        ("(scores, targets)", "(torch.sigmoid(scores), targets)"),
        "torch.sigmoid",
    ),
    Case(
        "conv_channels",
        "conv = nn.Conv2d(3, 16, 3)\nimages = torch.ones(8, 32, 32, 3)\nout = conv(images)",
        ["[8, 32, 32, 3]", "images.permute(0, 3, 1, 2)", "(8, 3, 32, 32)"],
        ["images.permute(0, 3, 1, 2)", "(8, 3, 32, 32)"],
        ("conv(images)", "conv(images.permute(0, 3, 1, 2))"),
        "images.permute(0, 3, 1, 2)",
    ),
    Case(
        "conv_channels",
        "conv = nn.Conv1d(3, 24, 5)\nseries = torch.ones(8, 256, 3)\nout = conv(series)",
        ["series.permute(0, 2, 1)", "(8, 3, 256)"],
        ["series.permute(0, 2, 1)"],
        ("conv(series)", "conv(series.permute(0, 2, 1))"),
        "series.permute(0, 2, 1)",
    ),
    Case(
        "conv_channels",
        "conv = nn.Conv2d(3, 16, 3)\nimages = torch.ones(8, 1, 28, 28)\nout = conv(images)",
        ["3 input channels", "in_channels=1"],
        ["in_channels=1"],
        ("nn.Conv2d(3, 16, 3)", "nn.Conv2d(in_channels=1, out_channels=16, kernel_size=3)"),
        "in_channels=1",
    ),
    Case(
        "conv_input_dims",
        "conv = nn.Conv2d(1, 4, 3)\nimage = torch.ones(28, 28)\nout = conv(image)",
        ["[28, 28]", "image.unsqueeze(0)"],
        ["image.unsqueeze(0)"],
        ("conv(image)", "conv(image.unsqueeze(0))"),
        "image.unsqueeze(0)",
    ),
    Case(
        "input_too_small",
        "conv = nn.Conv2d(1, 1, 5)\nimage = torch.ones(1, 1, 3, 3)\nout = conv(image)",
        ["kernel_size", "padding"],
        ["padding"],
        ("nn.Conv2d(1, 1, 5)", "nn.Conv2d(1, 1, 5, padding=2)"),
        "padding",
    ),
    Case(
        "layer_norm_shape",
        "norm = nn.LayerNorm(10)\nx = torch.ones(4, 5)\ny = norm(x)",
        ["[4, 5]", "nn.LayerNorm(5)"],
        ["nn.LayerNorm(5)"],
        ("nn.LayerNorm(10)", "nn.LayerNorm(5)"),
    ),
    Case(
        "batch_norm_features",
        "bn = nn.BatchNorm1d(10)\nx = torch.ones(4, 8)\ny = bn(x)",
        ["10 features", "nn.BatchNorm1d(8)"],
        ["nn.BatchNorm1d(8)"],
        ("nn.BatchNorm1d(10)", "nn.BatchNorm1d(8)"),
    ),
    Case(
        "batch_norm_one_sample",
        "bn = nn.BatchNorm1d(10)\nx = torch.ones(1, 10)\ny = bn(x)",
        ["[1, 10]", "bn.eval()", "drop_last=True"],
        ["bn.eval()", "drop_last=True"],
        ("y = bn(x)", "bn.eval()\ny = bn(x)"),
        "bn.eval()",
    ),
    Case(
        "rnn_input_size",
        "lstm = nn.LSTM(10, 20)\nseq = torch.ones(5, 3, 8)\nout = lstm(seq)",
        ["input_size=10", "input_size=8"],
        ["`input_size`는 10", "8개"],
        ("nn.LSTM(10, 20)", "nn.LSTM(input_size=8, hidden_size=20)"),
        "input_size=8",
    ),
    Case(
        "embedding_index_out_of_range",
        "emb = nn.Embedding(10, 4)\nids = torch.tensor([3, 10])\nout = emb(ids)",
        ["10 rows", "0 to 9", "ids contains 10", "nn.Embedding(11, ...)"],
        ["0부터 9까지", "nn.Embedding(11, ...)"],
        ("nn.Embedding(10, 4)", "nn.Embedding(11, 4)"),
        "nn.Embedding(11,",
    ),
    Case(
        "forward_missing_argument",
        "class Net(nn.Module):\n    def forward(self, x, mask):\n        return x * mask\n"
        "net = Net()\nx = torch.ones(2)\nmask = torch.ones(2)\ny = net(x)",
        ["Net's `forward`", "'mask'", "net(x, mask)"],
        ["'mask'", "net(x, mask)"],
        ("net(x)", "net(x, mask)"),
    ),
    Case(
        "forward_wrong_arguments",
        "layer = nn.Linear(2, 2)\na = torch.ones(1, 1)\nb = torch.ones(1, 1)\ny = layer(a, b)",
        ["takes 1 input(s)", "passed 2"],
        ["1개를 받는데"],
        ("layer(a, b)", "layer(torch.cat([a, b], dim=1))"),
    ),
    Case(
        "layer_arguments",
        "layer = nn.Linear(3)",
        ["'out_features' is missing", "nn.Linear(3, 2)"],
        ["'out_features'"],
    ),
    Case(
        "assigned_before_init",
        "class Net(nn.Module):\n    def __init__(self):\n"
        "        self.fc = nn.Linear(2, 2)\n        super().__init__()\nnet = Net()",
        ["assigned a layer", "super().__init__()"],
        ["super().__init__()"],
        (
            "        self.fc = nn.Linear(2, 2)\n        super().__init__()",
            "        super().__init__()\n        self.fc = nn.Linear(2, 2)",
        ),
        "super().__init__()",
    ),
    Case(
        "state_dict_mismatch",
        "small = nn.Linear(3, 2)\nbig = nn.Linear(3, 4)\nbig.load_state_dict(small.state_dict())",
        ["`weight` was [2, 3]", "[4, 3]"],
        ["[2, 3]", "[4, 3]"],
    ),
    Case(  # a model saved inside DataParallel: strip the prefix (strict=False loads nothing)
        "state_dict_mismatch",
        "model = nn.Linear(2, 2)\n"
        "state = {'module.' + k: v for k, v in model.state_dict().items()}\n"
        "model.load_state_dict(state)",
        ["start with `module.`", "load nothing", "nn.DataParallel"],
        ["`module.` 접두사"],
        (
            "model.load_state_dict(state)",
            "state = {k.removeprefix('module.'): v for k, v in state.items()}\n"
            "model.load_state_dict(state)",
        ),
        "state = {k.removeprefix('module.'): v for k, v in state.items()}",
    ),
    Case(
        "weights_only_load",
        TEMP + "import argparse\nargs = argparse.Namespace(lr=0.1)\n"
        "torch.save({'args': args, 'weights': torch.ones(2)}, path)\nckpt = torch.load(path)",
        ["weights_only=True", "argparse.Namespace", "trust"],
        ["weights_only=False"],
        ("torch.load(path)", "torch.load(path, weights_only=False)"),
    ),
    Case(
        "state_dict_not_a_dict",
        "model = nn.Linear(2, 2)\nbest = nn.Linear(2, 2)\nmodel.load_state_dict(best)",
        ["got a Linear"],
        ["load_state_dict(best.state_dict())"],
        ("load_state_dict(best)", "load_state_dict(best.state_dict())"),
    ),
    Case(
        "state_dict_not_a_dict",
        TEMP + "model = nn.Linear(2, 2)\ntorch.save(model.state_dict(), path)\n"
        "model.load_state_dict(path)",
        ["not a file name"],
        ["파일 이름"],
        ("model.load_state_dict(path)", "model.load_state_dict(torch.load(path))"),
    ),
    Case(
        "checkpoint_key_missing",
        TEMP + "model = nn.Linear(2, 2)\ntorch.save(model.state_dict(), path)\n"
        "ckpt = torch.load(path)\nmodel.load_state_dict(ckpt['model_state'])",
        ["no key 'model_state'", "'weight', 'bias'", "`state_dict` itself"],
        ["'model_state' 키가 없습니다"],
        ("model.load_state_dict(ckpt['model_state'])", "model.load_state_dict(ckpt)"),
    ),
    Case(
        "state_dict_used_as_model",
        TEMP + "torch.save(nn.Linear(2, 1).state_dict(), path)\nmodel = torch.load(path)\n"
        "model.eval()",
        ["not a model", "load_state_dict"],
        ["모델이 아닙니다"],
        (
            "model = torch.load(path)",
            "model = nn.Linear(2, 1)\nmodel.load_state_dict(torch.load(path))",
        ),
        "load_state_dict(",
    ),
    Case(
        "optimizer_without_parameters",
        "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.layers = [nn.Linear(2, 2)]\nnet = Net()\n"
        "opt = torch.optim.SGD(net.parameters(), lr=0.1)",
        ["nn.ModuleList"],
        ["nn.ModuleList"],
        ("[nn.Linear(2, 2)]", "nn.ModuleList([nn.Linear(2, 2)])"),
        "nn.ModuleList([",
    ),
    Case(
        "optimizer_non_leaf",
        "w = torch.randn(3, requires_grad=True) * 0.1\nopt = torch.optim.SGD([w], lr=0.1)",
        ["requires_grad_()"],
        ["requires_grad_()"],
        (
            "w = torch.randn(3, requires_grad=True) * 0.1",
            "w = (torch.randn(3) * 0.1).requires_grad_()",
        ),
    ),
    Case(
        "fx_control_flow",
        "class Net(nn.Module):\n    def forward(self, x):\n        if x.sum() > 0:\n"
        "            return x\n        return -x\ngraph = torch.fx.symbolic_trace(Net())",
        ["torch.where", "concrete_args"],
        ["torch.where"],
    ),
    Case(
        "tensor_not_callable",
        "x = torch.ones(4)\nv = x(3)",
        ["x[3]"],
        ["x[3]"],
        ("x(3)", "x[3]"),
    ),
    Case(
        "shape_called",
        "x = torch.ones(4, 2)\nrows = x.shape()[0]",
        ["attribute, not a method"],
        ["`x.shape`"],
        ("x.shape()", "x.shape"),
        "`x.shape`",
    ),
    Case(
        "method_without_parentheses",
        "total = 0.0\nfor step in range(2):\n    loss = torch.ones(())\n    total += loss.item",
        ["`loss.item` is the method itself"],
        ["`loss.item()`"],
        ("loss.item", "loss.item()"),
    ),
    Case(
        "method_without_parentheses",
        "model = nn.Linear(2, 1)\nopt = torch.optim.SGD(model.parameters, lr=0.1)",
        ["`model.parameters()`"],
        ["`model.parameters()`"],
        ("model.parameters", "model.parameters()"),
    ),
    Case(
        "attribute_typo",
        "model = nn.Linear(2, 2)\nmodel.trian()",
        ["Linear has no `trian`", "did you mean `train()`"],
        ["`train()`"],
        ("model.trian()", "model.train()"),
        "train()",
    ),
    Case(
        "attribute_typo",
        "x = torch.ones(2)\narr = x.numpyy()",
        ["`numpy()`"],
        ["`numpy()`"],
        ("x.numpyy()", "x.numpy()"),
        "numpy()",
    ),
    Case(  # `model.step()` is the optimizer's
        "attribute_typo",
        TRAINED + "model.step()",
        ["belongs to the optimizer", "`optimizer.step()`"],
        ["`optimizer.step()`"],
        ("model.step()", "optimizer.step()"),
    ),
    Case(  # NumPy's astype: `.to(torch.float32)`, never `type()`
        "attribute_typo",
        "x = torch.arange(3)\ny = x.astype('float32')",
        ["`x.to(torch.float32)`"],
        ["`x.to(torch.float32)`"],
        ("x.astype('float32')", "x.to(torch.float32)"),
    ),
    Case(  # meta tensors cannot be moved back: the fix is proven on a GPU only
        "device_mismatch",
        "a = torch.ones(2, device='meta')\nb = torch.ones(2)\nc = a + b",
        ["a is on meta", "b is on cpu", ".to(device)"],
        ["a는 meta 장치", "b는 cpu 장치"],
    ),
    Case(
        "device_mismatch",
        "layer = nn.Linear(3, 2).to('meta')\nx = torch.ones(4, 3)\ny = layer(x)",
        [
            "x is on cpu and the weights of `Linear(in_features=3, out_features=2, bias=True)` are "
            "on meta",
            "model.to(device)",
        ],
        ["x는 cpu 장치에", "가중치는 meta 장치에"],
    ),
    Case(
        "out_of_memory",
        "big = torch.empty(2 ** 62, dtype=torch.uint8)",
        ["out of memory", "asked for 4 EiB"],
        ["메모리", "4 EiB"],
    ),
    Case("python_memory_error", "buffer = bytearray(1 << 62)", ["RAM", "DataLoader"], ["RAM"]),
    Case(
        "collate_bad_sample",
        DATASET.format(body="x = torch.ones(2)"),
        ["returned None", "samples [0, 1]", "return x, y"],
        ["None", "return x, y"],
        ("x = torch.ones(2)", "return torch.ones(2)"),
        "return",
    ),
    Case(
        "collate_ragged_lists",
        DATASET.format(body="return [1] * (i + 1)"),
        ["different lengths", "samples [0, 1]", "pad_sequence"],
        ["pad_sequence"],
    ),
    Case(
        "dataset_without_getitem",
        "class Samples(torch.utils.data.Dataset):\n    def __init__(self):\n"
        "        self.data = [1, 2, 3]\n        def __getitem__(self, i):\n"
        "            return self.data[i]\n    def __len__(self):\n        return 3\n"
        "first = Samples()[0]",
        ["indented", "`__init__`"],
        ["들여쓰기"],
        (
            "        def __getitem__(self, i):\n            return self.data[i]\n",
            "    def __getitem__(self, i):\n        return self.data[i]\n",
        ),
        "def __getitem__(self, index):",
    ),
    Case(
        "no_len",
        "class Samples(torch.utils.data.Dataset):\n    def __init__(self):\n"
        "        self.samples = [1.0, 2.0, 3.0]\n    def __getitem__(self, i):\n"
        "        return self.samples[i]\n"
        "loader = torch.utils.data.DataLoader(Samples(), shuffle=True)\nfirst = next(iter(loader))",
        ["`__len__`"],
        ["`__len__`"],
        (
            "        return self.samples[i]\n",
            "        return self.samples[i]\n    def __len__(self): return len(self.samples)\n",
        ),
        "def __len__(self): return len(self.samples)",
    ),
    Case(
        "sampler_with_shuffle",
        "data = list(range(8))\nsampler = torch.utils.data.RandomSampler(data)\n"
        "loader = torch.utils.data.DataLoader(data, sampler=sampler, shuffle=True)",
        ["drop `shuffle=True`"],
        ["`shuffle=True`를 빼세요"],
        (", shuffle=True", ""),
        "shuffle=True",
    ),
    Case(
        "workers_cannot_pickle",
        "loader = torch.utils.data.DataLoader(list(range(4)), batch_size=2, num_workers=2, "
        "collate_fn=lambda b: b, multiprocessing_context='spawn')\nfirst = next(iter(loader))",
        ["pickling", "lambda"],
        ["`num_workers=0`"],
        # spawn is how macOS and Windows start workers; with no workers it is not passed
        (
            "num_workers=2, collate_fn=lambda b: b, multiprocessing_context='spawn'",
            "num_workers=0, collate_fn=lambda b: b",
        ),
        "num_workers=0",
    ),
    Case(
        "syntax_error",
        "for i in range(3)\n    print(i)",
        ["On line 1", "colon `:`"],
        ["1번째 줄", "콜론"],
        ("range(3)\n", "range(3):\n"),
        ":",
    ),
    Case(
        "syntax_error",
        "x = (1, 2\ny = 3",
        ["bracket `(`"],
        ["`(` 괄호"],
        ("(1, 2\n", "(1, 2)\n"),
        "(",
    ),
    Case(
        "indentation_error",
        "for i in range(3):\nprint(i)",
        ["On line 2", "`for` on line 1", "pass"],
        ["1번째 줄의 `for`", "pass"],
        ("\nprint(i)", "\n    print(i)"),
        "4",
    ),
]

KERNEL_CASES += [
    Case(
        "join_needs_tensors",
        "rows = torch.stack([[1.0, 2.0], [3.0, 4.0]])",
        ["Python lists", "torch.tensor([[1.0, 2.0], [3.0, 4.0]])"],
        ["torch.tensor([[1.0, 2.0], [3.0, 4.0]])"],
        ("torch.stack([[1.0, 2.0], [3.0, 4.0]])", "torch.tensor([[1.0, 2.0], [3.0, 4.0]])"),
    ),
    Case(
        "index_of_scalar",
        "w = torch.ones(2, requires_grad=True)\nloss = (w * 2).sum()\nvalue = loss.data[0]",
        ["0-D tensor", "`loss.data.item()`"],
        ["`loss.data.item()`"],
        ("loss.data[0]", "loss.data.item()"),
    ),
    Case(
        "loader_not_subscriptable",
        "data = torch.utils.data.TensorDataset(torch.ones(8, 2), torch.zeros(8))\n"
        "loader = torch.utils.data.DataLoader(data, batch_size=4)\nfirst = loader[0]",
        ["`next(iter(loader))`", "`loader.dataset[0]`"],
        ["`next(iter(loader))`"],
        ("loader[0]", "next(iter(loader))"),
    ),
    Case(  # an operand that is a call: named as written, its shape read where it was received
        "broadcast",
        "model = nn.Linear(3, 2)\nx = torch.ones(4, 3)\ny = torch.ones(4, 3)\n"
        "loss = torch.nn.functional.mse_loss(model(x), y)",
        ["`model(x)` has 2 and `y` has 3", "model(x) (4, 2) float32"],
        ["`model(x)` 쪽은 2"],
    ),
    Case(
        "broadcast",
        "model = nn.Linear(3, 2)\nx = torch.ones(4, 3)\ny = torch.ones(4, 3)\ndiff = model(x) - y",
        ["`model(x)` has 2 and `y` has 3"],
        ["`y` 쪽은 3"],
    ),
    Case(
        "name_not_defined",
        "x = torch.ones(3)\ny = F.relu(x)",
        ["`import torch.nn.functional as F`", "fresh namespace"],
        ["`import torch.nn.functional as F`"],
        ("x = torch.ones(3)", "import torch.nn.functional as F\nx = torch.ones(3)"),
        "import torch.nn.functional as F",
    ),
    Case(
        "name_not_defined",
        "for step in range(3):\n    total = totl + step",
        ["`totl` is used before anything defined it"],
        ["`totl` 이름을 정의하기 전에"],
    ),
    Case(
        "module_not_callable",
        "layer = nn(3, 2)",
        ["`nn` is a module", "`nn.Linear(...)`"],
        ["`nn.Linear(...)`"],
        ("nn(3, 2)", "nn.Linear(3, 2)"),
        "nn.Linear(",
    ),
]

KERNEL_CASES += [
    Case(  # the padding function called where it should be passed
        "collate_fn_called",
        "def pad_batch(samples):\n"
        "    return torch.nn.utils.rnn.pad_sequence(samples, batch_first=True), len(samples)\n"
        "data = [torch.ones(n) for n in (2, 3, 1, 4)]\n"
        "loader = torch.utils.data.DataLoader(data, batch_size=2, collate_fn=pad_batch(data))\n"
        "for batch, count in loader:\n    pass",
        ["a tuple, not a function", "samples [0, 1]", "the function itself"],
        ["함수 자체", "`collate_fn=pad_batch`"],
        ("collate_fn=pad_batch(data)", "collate_fn=pad_batch"),
    ),
    Case(  # a smaller learning rate for the head, but the first group already holds it
        "optimizer_shared_parameters",
        "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.body = nn.Linear(4, 8)\n        self.head = nn.Linear(8, 2)\n"
        "model = Net()\nopt = torch.optim.SGD([{'params': model.parameters()}, "
        "{'params': model.head.parameters(), 'lr': 0.01}], lr=0.1)",
        ["`model.parameters()` already includes the parameters of `model.head`"],
        ["part_ids = {id(p) for p in model.head.parameters()}"],
        (
            "opt = torch.optim.SGD([{'params': model.parameters()}",
            "part_ids = {id(p) for p in model.head.parameters()}\n"
            "opt = torch.optim.SGD([{'params': [p for p in model.parameters() "
            "if id(p) not in part_ids]}",
        ),
        "[p for p in model.parameters() if id(p) not in part_ids]",
    ),
    Case(
        "input_in_snippet",
        "epochs = int(input('How many epochs? '))\nfor epoch in range(epochs):\n    pass",
        ["cannot read the keyboard"],
        ["키보드"],
        ("int(input('How many epochs? '))", "10"),
        "`epochs = 10`",
    ),
]

CPU_ONLY = [
    Case(
        "no_cuda_build",
        "x = torch.ones(2)\ny = x.to('cuda')",
        ["CPU-only", "torch.cuda.is_available()"],
        ["CPU 전용"],
        ("x.to('cuda')", "x.to(device)"),
        ".to(device)",
    ),
]
MISSING_PACKAGE = [
    Case(
        "module_not_found",
        "import torchvision",
        ["`torchvision` is not installed", "-m pip install torchvision"],
        ["-m pip install torchvision"],
    ),
]

NOT_ON_CPU = {"gpu_assert", "no_gpu_driver", "killed_out_of_memory"}
"""Families tested elsewhere: test_cuda.py, the CUDA test, the killed-kernel test."""

MESSAGES_NOT_ON_CPU = {
    "gpu_assert": (
        "RuntimeError",
        "CUDA error: device-side assert triggered\nCUDA kernel errors might be asynchronously "
        "reported at some other API call, so the stacktrace below might be incorrect.",
    ),
    "no_gpu_driver": (
        "RuntimeError",
        "Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and "
        "installed a driver from http://www.nvidia.com/Download/index.aspx",
    ),
    "killed_out_of_memory": ("KernelDied", "the kernel was killed by SIGKILL"),
    "input_in_snippet": (  # only a kernel says it: under pytest, input() meets captured stdin
        "StdinNotImplementedError",
        "raw_input was called, but this frontend does not support input requests.",
    ),
}
"""Real wordings of the errors this machine or process cannot raise (no GPU; a kill ends the
kernel; `input()` outside a kernel)."""
