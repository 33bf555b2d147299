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
from explain_cases import (
    CPU_ONLY,
    DATASET,
    KERNEL_CASES,
    MISSING_PACKAGE,
    NOT_ON_CPU,
    Case,
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
        {
            "name": n,
            "shape": list(v.shape),
            "dtype": str(v.dtype)[6:],
            "device": str(v.device),
            "requires_grad": v.requires_grad,
        }
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
        ["브로드캐스팅"],
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
        ["브로드캐스트"],
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
        ["already freed", "retain_graph"],
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


def test_an_error_no_family_knows_gets_the_facts_of_its_call_never_nothing():
    error = raised("b = torch.linalg.inv(a)", a=torch.zeros(2, 3, requires_grad=True))
    error["call"] = "torch.linalg.inv(a)"
    explanation = explain(error)
    assert explanation["family"] == "fallback"
    assert "The call that failed is `torch.linalg.inv(a)`" in explanation["en"]
    assert "`a` (2, 3) float32 on cpu, requires grad" in explanation["en"]
    assert "The message is about `a` (its shape)" in explanation["en"]
    assert "`a` (2, 3) float32, cpu 장치, 기울기 필요" in explanation["ko"]
    assert "`a`(모양)" in explanation["ko"]
    bare = explain({"type": "ValueError", "message": "something else", "line": 2})
    assert bare["family"] == "fallback" and '"something else"' in bare["en"]
    assert '"something else"' in bare["ko"]
    assert explain(None) is None


def test_the_fallback_names_the_operand_whose_dtype_the_message_names():
    error = {
        "type": "RuntimeError",
        "message": "some_op(): expected scalar of type Long in argument #2",
        "line": 1,
        "line_text": "out = some_op(x, idx)",
        "call": "some_op(x, idx)",
        "operands": [
            {"name": "x", "shape": [4], "dtype": "float32", "device": "cpu"},
            {"name": "idx", "shape": [4], "dtype": "int64", "device": "cpu"},
        ],
    }
    explanation = explain(error)
    assert explanation["family"] == "fallback"
    assert "The message is about `idx` (its dtype)" in explanation["en"]


def test_cuda_out_of_memory_is_explained():
    # No GPU here: the message is CUDA's own wording, raised as torch's own exception type.
    error = torch.OutOfMemoryError(
        "CUDA out of memory. Tried to allocate 20.00 GiB. GPU 0 has a total capacity of 79.19 GiB"
    )
    explanation = explain({"type": type(error).__name__, "message": str(error)})
    assert "ran out of memory" in explanation["en"]
    assert "empty_cache" in explanation["ko"]


def test_out_of_memory_error_is_explained_whatever_its_message():
    # Lesson 17's oom-retry step raises one with its own words ("64 rows do not fit in 24"):
    # the learner was told there was no explanation for an OutOfMemoryError.
    error = {"type": "OutOfMemoryError", "message": "simulated: 64 rows do not fit in 24"}
    explanation = explain(error)
    assert explanation["family"] == "out_of_memory"
    assert "ran out of memory" in explanation["en"]


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


def test_every_family_has_a_kernel_case():
    tested = {case.family for case in KERNEL_CASES + CPU_ONLY + MISSING_PACKAGE} | NOT_ON_CPU
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
@pytest.mark.parametrize("case", _cases(), ids=[f"{c.family}-{i}" for i, c in enumerate(_cases())])
async def test_each_family_explains_the_real_error_and_its_fix_runs_clean(kernel, case: Case):
    """The snippet raises in a real kernel, the explanation names its operands and proposes
    code, and the snippet with that code applied runs without an error: advice that works."""
    result = await run_result(kernel, case.code)
    error = result.error
    assert error is not None and result.status == "error", result.stdout + result.stderr
    explanation = error.get("explanation")
    assert explanation is not None, f"{error['type']}: {error['message']}"
    assert explanation["family"] == case.family, f"{error['type']}: {error['message']}"
    for word in case.en:
        assert word in explanation["en"], (word, explanation["en"])
    for word in case.ko:
        assert word in explanation["ko"], (word, explanation["ko"])
    if error.get("line"):
        assert explanation["en"].startswith(f"On line {error['line']} ")
        assert explanation["ko"].startswith(f"{error['line']}번째 줄")
    for op in error.get("operands", []):
        named = f"{op['name']} {shape_text(op['shape'])}"
        assert named in explanation["en"] and named in explanation["ko"]
    if case.fix is None:
        return
    shown = case.shows()
    assert shown in explanation["en"] and shown in explanation["ko"], (shown, explanation)
    fixed = await run_result(kernel, case.fixed())
    assert fixed.error is None, (case.fixed(), fixed.error)


def test_most_families_prove_their_fix():
    """Where no fix is proven, the case's words show what the explanation says to look at."""
    proven = {c.family for c in KERNEL_CASES + CPU_ONLY if c.fix is not None}
    assert len(proven) >= 0.7 * len(FAMILIES), sorted({f.name for f in FAMILIES} - proven)


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
    probe = REPO / "tui" / "studytorch" / "kernel" / "probe"
    sources = "".join((probe / name).read_text() for name in ("mistakes.py", "silent.py"))
    kinds = set(re.findall(r'_warning\(\s*"(\w+)"', sources))
    assert kinds >= {"attribute_typo", "no_step", "grad_accumulates", "eval_forgotten"}
    assert listed == {fam.name for fam in FAMILIES} | kinds | {"fallback"}
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


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "ko", "run", "x.py"],
        ["run", "--lang", "ko", "x.py"],
        ["run", "x.py", "--lang", "ko"],
        ["check", "--lang", "ko"],
        ["--lang", "ko", "check", "tensors"],
        ["doctor", "--lang", "ko"],
        ["lessons", "--lang", "ko"],
        ["review", "--lang", "ko", "--due"],
        ["export", "--lang", "ko"],
    ],
)
def test_every_command_takes_lang_wherever_it_stands(argv):
    from studytorch.cli import build_parser

    assert build_parser().parse_args(argv).lang == "ko"


@pytest.mark.kernel
@pytest.mark.parametrize("where", ["before", "after"])
def test_run_explains_in_the_language_lang_names_before_or_after_the_command(tmp_path, where):
    path = tmp_path / "bad.py"
    path.write_text("a = torch.ones(2, 3)\nb = torch.ones(4, 5)\nc = a @ b\n")
    argv = ["--lang", "ko", "run", str(path)] if where == "before" else ["run", "--lang", "ko"]
    argv += [] if where == "before" else [str(path)]
    proc = subprocess.run(
        studytorch_cmd(*argv, "--device", "cpu"),
        capture_output=True,
        text=True,
        env=subprocess_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8"),
        timeout=120,
    )
    assert proc.returncode == 1
    assert "행렬 곱은 안쪽 크기가 같아야 합니다" in proc.stderr
    assert "A matrix product needs" not in proc.stderr


def test_the_explainer_is_loaded_only_when_a_run_fails():
    """A run that succeeds never imports the explainer (it costs a successful run nothing);
    the first failure loads it."""
    script = (
        "import sys, time\n"
        "from studytorch.kernel.protocol import Done, Error, Stream, Summary\n"
        "from studytorch.kernel.result import RunResult\n"
        "ok = RunResult()\n"
        "for event in (Stream('stdout', 'hi\\n'), Summary({'kind': 'run', 'tensors': []}),\n"
        "              Done('ok', 0.01)):\n"
        "    ok.add(event)\n"
        "print('explain' in ' '.join(sys.modules))\n"
        "failed = RunResult()\n"
        "error = {'type': 'RuntimeError', 'message': 'mat1 and mat2 shapes cannot be multiplied "
        "(2x3 and 4x5)', 'line': 1, 'line_text': 'c = a @ b', 'operands': []}\n"
        "start = time.perf_counter()\n"
        "for event in (Error('RuntimeError', error['message'], []),\n"
        "              Summary({'kind': 'run', 'error': error}), Done('error', 0.01)):\n"
        "    failed.add(event)\n"
        "print('studytorch.explain' in sys.modules, failed.error['explanation']['family'])\n"
        "print(round((time.perf_counter() - start) * 1000, 1))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=subprocess_env(PYTHONPATH=str(REPO / "tui")),
        timeout=60,
    )
    lines = proc.stdout.split("\n")
    assert lines[0] == "False", proc.stderr
    assert lines[1] == "True matmul"
