"""The kernel-side probe, run in-process: stdlib + torch code installed from its sources."""

from __future__ import annotations

import ast
import json
import sys
import types
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

KERNEL_DIR = Path(__file__).resolve().parents[1] / "tui" / "studytorch" / "kernel"
KERNEL_SIDE = [*sorted((KERNEL_DIR / "probe").glob("*.py")), KERNEL_DIR / "probe_loader.py"]


def load_probe() -> types.ModuleType:
    """Install the probe package from its sources as the kernel does (boot.py, warm-up cell)."""
    from studytorch.kernel.launch import probe_sources

    loader = {"__name__": "_studytorch_probe_loader"}
    path = KERNEL_DIR / "probe_loader.py"
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), loader)
    return loader["load_probe"](probe_sources())


@pytest.fixture
def probe(monkeypatch):
    """A fresh probe package, wired to a fake shell and collecting what it publishes."""
    package = load_probe()
    package.state.shell = types.SimpleNamespace(
        user_ns={"torch": torch},
        user_ns_hidden={},
        displayhook=types.SimpleNamespace(_="", __="", ___=""),
    )
    package.published = []
    monkeypatch.setattr(
        package.state, "publish", lambda payload, **_: package.published.append(payload)
    )
    yield package
    for name in [n for n in sys.modules if n.startswith("_studytorch_probe")]:
        del sys.modules[name]
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "ProbeSources"]


def run_snippet(probe, code: str) -> BaseException | None:
    """Run `code` as a cell would run: its globals are the shell's namespace."""
    ns = probe.state.shell.user_ns
    try:
        exec(compile(code, "<cell-1>", "exec"), ns)
    except BaseException as exc:
        return exc
    return None


# --- what the probe may import ------------------------------------------------------------------


@pytest.mark.parametrize("path", KERNEL_SIDE, ids=lambda p: p.name)
def test_probe_imports_only_the_standard_library_torch_and_ipython(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            roots.add(node.module.split(".")[0])
    outside = {r for r in roots if r not in sys.stdlib_module_names} - {"torch", "IPython"}
    assert outside == set()
    assert "studytorch" not in roots


# --- tensor summaries ------------------------------------------------------------------------


def test_tensor_summary_matches_what_torch_says(probe):
    t = torch.zeros(2, 1, 3, dtype=torch.float16).squeeze()
    s = probe.summaries.tensor_summary("t", t)
    assert s["shape"] == [2, 3]
    assert s["dtype"] == "float16"
    assert s["device"] == "cpu"
    assert s["stride"] == [3, 1]
    assert s["contiguous"] is True
    assert s["preview"].startswith("tensor(")


def test_grad_norm_is_the_true_norm(probe):
    w = torch.tensor([3.0, 4.0], requires_grad=True)
    (w * w).sum().backward()  # grad = 2w = [6, 8], norm 10
    s = probe.summaries.tensor_summary("w", w)
    assert s["grad"] == {"shape": [2], "norm": pytest.approx(10.0)}
    assert s["grad_fn"] is None and s["is_leaf"] is True


@pytest.mark.parametrize(
    "make",
    [
        lambda: torch.zeros(0, 3),
        lambda: torch.tensor([1 + 2j, 3j]),
        lambda: torch.tensor([True, False, True]),
        lambda: torch.arange(5),
        lambda: torch.eye(3).to_sparse(),
        lambda: torch.empty(2, 3, device="meta"),
        lambda: torch.tensor(float("nan")),
        lambda: torch.tensor([float("inf"), -float("inf")]),
    ],
    ids=["empty", "complex", "bool", "int", "sparse", "meta", "nan-scalar", "all-inf"],
)
def test_unusual_tensors_summarise_to_valid_json(probe, make):
    probe.state.shell.user_ns["odd"] = make()
    payload = probe.summaries.summarize(probe.state.shell.user_ns)
    (summary,) = payload["tensors"]
    assert summary["shape"] == list(make().shape)
    json.loads(json.dumps(payload, allow_nan=False))


def test_integer_stats_have_a_mean_and_bool_stats_count_true(probe):
    stats = probe.summaries.tensor_stats(torch.tensor([1, 2, 3, 10]))
    assert (stats["min"], stats["max"], stats["mean"]) == (1.0, 10.0, 4.0)
    flags = probe.summaries.tensor_stats(torch.tensor([True, False, True, True]))
    assert flags["mean"] == 0.75


def test_big_tensor_stats_are_sampled_but_still_right_for_a_constant(probe):
    big = torch.full((probe.summaries.STATS_LIMIT * 3,), 7, dtype=torch.uint8)
    stats = probe.summaries.tensor_stats(big)
    assert stats["sampled"] is True
    assert stats["min"] == stats["max"] == stats["mean"] == 7.0


def test_preview_is_short_and_leaves_torch_print_options_alone(probe):
    before = repr(torch._tensor_str.PRINT_OPTS.__dict__)
    preview = probe.summaries.tensor_preview(torch.arange(100_000).reshape(100, 1000))
    assert len(preview) <= 1210
    assert "..." in preview
    assert repr(torch._tensor_str.PRINT_OPTS.__dict__) == before


def test_summary_hides_private_names_modules_and_the_injected_helpers(probe):
    ns = probe.state.shell.user_ns
    ns.update(
        _hidden=torch.ones(1),
        torch=torch,
        device=torch.device("cpu"),
        math=__import__("math"),
        shown=torch.ones(1),
    )
    names = [t["name"] for t in probe.summaries.summarize(ns)["tensors"]]
    assert names == ["shown"]


def test_past_the_limit_the_newest_tensors_are_the_ones_shown(probe):
    ns = probe.state.shell.user_ns
    for i in range(probe.summaries.MAX_TENSORS + 5):
        ns[f"t{i}"] = torch.ones(1)
    ns["newest"] = torch.zeros(2, 3)
    names = [t["name"] for t in probe.summaries.summarize(ns)["tensors"]]
    assert len(names) == probe.summaries.MAX_TENSORS
    assert names[-1] == "newest"


def test_views_are_marked_as_sharing_storage(probe):
    ns = probe.state.shell.user_ns
    ns["x"] = torch.arange(6)
    ns["v"] = ns["x"][2:].view(2, 2)
    ns["c"] = ns["x"].clone()
    tensors = {t["name"]: t for t in probe.summaries.summarize(ns)["tensors"]}
    assert tensors["x"]["shares_with"] == ["v"]
    assert tensors["v"]["shares_with"] == ["x"]
    assert tensors["c"]["shares_with"] == []


def test_module_optimizer_and_loader_summaries(probe):
    ns = probe.state.shell.user_ns
    ns["net"] = torch.nn.Linear(3, 2)
    ns["opt"] = torch.optim.SGD(ns["net"].parameters(), lr=0.25)
    ds = torch.utils.data.TensorDataset(torch.zeros(7, 3))
    ns["dl"] = torch.utils.data.DataLoader(ds, batch_size=2, shuffle=True, drop_last=True)
    payload = probe.summaries.summarize(ns)
    (net,) = payload["modules"]
    assert [(p["name"], p["shape"]) for p in net["parameters"]] == [
        ("weight", [2, 3]),
        ("bias", [2]),
    ]
    assert net["total"] == net["trainable"] == 8
    assert payload["optimizers"] == [
        {"name": "opt", "type": "SGD", "param_groups": [{"lr": 0.25, "params": 2}]}
    ]
    (dl,) = payload["data"]
    assert (dl["dataset_len"], dl["batch_size"], dl["shuffle"], dl["drop_last"], dl["len"]) == (
        7,
        2,
        True,
        True,
        3,
    )


# --- devices ---------------------------------------------------------------------------------


def test_device_auto_and_cpu_resolve_to_cpu_here(probe):
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    assert probe.devices.resolve(torch, "auto") == torch.device("cpu")
    assert probe.devices.resolve(torch, " CPU ") == torch.device("cpu")


def test_asking_for_a_missing_device_says_what_is_wrong(probe):
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(ValueError, match="sees no CUDA GPU"):
        probe.devices.resolve(torch, "cuda")
    with pytest.raises(ValueError, match="unknown device 'gpu'"):
        probe.devices.resolve(torch, "gpu")


# --- errors ----------------------------------------------------------------------------------


def test_error_is_described_with_snippet_line_and_operands(probe):
    code = "a = torch.ones(2, 3)\nb = torch.ones(4, 5)\nc = a @ b\n"
    exc = run_snippet(probe, code)
    error = probe.errors.describe_error(exc, code)
    assert error["type"] == "RuntimeError"
    assert error["line"] == 3
    assert error["line_text"] == "c = a @ b"
    assert [(o["name"], o["shape"]) for o in error["operands"]] == [("a", [2, 3]), ("b", [4, 5])]


def test_error_in_a_function_reports_the_line_inside_it_and_its_locals(probe):
    code = "def f(p):\n    return p.view(7)\n\nf(torch.ones(2, 3))\n"
    exc = run_snippet(probe, code)
    error = probe.errors.describe_error(exc, code)
    assert error["line"] == 2
    assert error["operands"] == [
        {"name": "p", "shape": [2, 3], "dtype": "float32", "device": "cpu", "requires_grad": False}
    ]
    assert error["call"] == "p.view(7)"


def test_error_line_counts_leading_blank_lines_ipython_drops(probe):
    raw = "\n\nx = torch.ones(2)\nx.view(3)\n"
    exc = run_snippet(probe, raw.lstrip("\n"))  # IPython compiles the cell without them
    assert probe.errors.describe_error(exc, raw)["line"] == 4


def test_error_raised_outside_the_snippet_has_no_line(probe):
    exc = ValueError("from elsewhere")
    error = probe.errors.describe_error(exc, "x = 1\n")
    assert (error["line"], error["line_text"], error["operands"]) == (None, None, [])


# --- checks and reset --------------------------------------------------------------------------


def test_check_verdicts_carry_both_languages(probe):
    probe.state.shell.user_ns["y"] = torch.zeros(3, 2)
    probe.check("expect(y.shape == (3, 2), 'no', '아니요')")
    probe.check("expect(y.shape == (2, 3), 'y should be 2x3', 'y는 2x3이어야 합니다')")
    probe.check("expect(nothing, 'x')")
    probe.check("1 / 0")
    passed, failed, undefined, crashed = probe.published
    assert passed == {"kind": "check", "passed": True, "message": None}
    assert failed["message"] == {"en": "y should be 2x3", "ko": "y는 2x3이어야 합니다"}
    assert undefined["key"] == "check.undefined" and undefined["params"] == {"name": "nothing"}
    assert crashed["passed"] is False
    assert crashed["key"] == "check.raised"
    assert crashed["params"]["error"].startswith("ZeroDivisionError")


def test_reset_keeps_the_baseline_and_drops_output_history(probe):
    shell = probe.state.shell
    baseline = {"torch": torch, "device": torch.device("cpu"), "Out": {}, "_oh": None, "_": ""}
    baseline["_oh"] = baseline["Out"]
    shell.user_ns.update(baseline)
    probe.state.baseline.update(shell.user_ns)
    kept = torch.ones(1)
    shell.user_ns.update(mine=kept, torch="shadowed", _=kept, _3=kept)
    shell.user_ns["Out"][3] = kept
    shell.user_ns_hidden.update(_=kept, _3=kept)
    shell.displayhook._ = kept
    probe.reset()
    assert "mine" not in shell.user_ns
    assert shell.user_ns["torch"] is torch
    assert shell.user_ns["Out"] == {}
    assert "_3" not in shell.user_ns and "_3" not in shell.user_ns_hidden
    assert shell.user_ns["_"] == "" and shell.user_ns_hidden["_"] == ""
    assert shell.displayhook._ == ""


# --- what cannot be summarised, and what is not finite ------------------------------------------


def test_a_lazy_layer_before_its_first_call_is_reported_as_such_not_a_blank_report(probe):
    ns = probe.state.shell.user_ns
    ns["model"] = torch.nn.Sequential(torch.nn.LazyLinear(4), torch.nn.ReLU())
    ns["w"] = ns["model"][0].weight
    ns["x"] = torch.ones(2, 3)
    payload = probe.summaries.summarize(ns)
    tensors = {t["name"]: t for t in payload["tensors"]}
    assert tensors["x"]["shape"] == [2, 3]
    assert tensors["w"]["uninitialized"] is True and tensors["w"]["shape"] == []
    (model,) = payload["modules"]
    assert model["uninitialized"] == 2 and model["total"] == 0
    assert [p["uninitialized"] for p in model["parameters"]] == [True, True]
    json.dumps(payload, allow_nan=False)


def test_a_value_that_cannot_be_summarised_is_named_with_the_reason(probe, monkeypatch):
    ns = probe.state.shell.user_ns
    ns["ok"], ns["odd"] = torch.ones(1), torch.ones(2)

    def fails_for_odd(name, t, real=probe.summaries.tensor_summary):
        if name == "odd":
            raise RuntimeError("cannot look")
        return real(name, t)

    monkeypatch.setattr(probe.summaries, "tensor_summary", fails_for_odd)
    tensors = {t["name"]: t for t in probe.summaries.summarize(ns)["tensors"]}
    assert tensors["ok"]["shape"] == [1]
    assert tensors["odd"]["unavailable"] == "RuntimeError: cannot look"


def test_every_float_that_is_not_finite_is_sent_as_a_string():
    from studytorch.kernel.launch import probe_sources

    source = probe_sources()["_studytorch_probe.state"][1]
    state = types.ModuleType("probe_state")
    exec(compile(source, "state.py", "exec"), state.__dict__)
    payload = {"a": [1.0, float("inf")], "b": {"c": (float("-inf"), float("nan"))}, "n": 3}
    assert state.strict(payload) == {"a": [1.0, "inf"], "b": {"c": ["-inf", "nan"]}, "n": 3}
    json.dumps(state.strict(payload), allow_nan=False)
