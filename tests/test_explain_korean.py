"""Korean explanations read as written: no particle in parentheses, and the one chosen is right.

Every family is rendered with real torch messages and realistic names (single letters, words,
calls, numbers), and the sources are read for a particle written after a value whose sound the
template cannot know.
"""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path

import pytest
import torch

from conftest import REPO
from explain_cases import CPU_ONLY, KERNEL_CASES, MESSAGES_NOT_ON_CPU, MISSING_PACKAGE
from studytorch.explain import FAMILIES, explain

BRACKETED = re.compile(
    r"\((?:이|가|을|를|은|는|으|과|와|이라는|라는)\)|[이을은과와]\([가를는와과]\)|\(으\)로"
)
"""`h을(를)`, `10은(는)`, `x이(가)`, `(이)라는`, `(으)로`: what a Korean engineer never writes."""

NAMES = ["h", "loss", "model(x)", "step", "x1", "l", "out", "images", "hidden", "w"]
"""Operand names as snippets write them: letters, words that end in a vowel or a consonant
when read in Korean, a call, a name ending in a digit."""


def _real_error(code: str) -> tuple[str, str] | None:
    """(type, message) of what `code` raises in this process with real torch."""
    try:
        with warnings.catch_warnings():  # anomaly mode's report, not what is tested here
            warnings.simplefilter("ignore")
            scope = {"torch": torch, "nn": torch.nn, "device": "cpu"}  # a run's baseline
            exec(compile(code, "<snippet>", "exec"), scope)
    except BaseException as exc:  # MemoryError and SyntaxError are errors a snippet makes too
        return type(exc).__name__, str(exc)
    return None


def _messages() -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for case in KERNEL_CASES + CPU_ONLY + MISSING_PACKAGE:
        error = _real_error(case[1])
        if error is not None:
            found.setdefault(case[0], []).append(error)
    for name, error in MESSAGES_NOT_ON_CPU.items():
        found.setdefault(name, []).append(error)
    return found


MESSAGES = _messages()


def _shifted(message: str, by: int) -> str:
    """The message with every number moved by `by`: sizes and labels ending in other sounds."""
    return re.sub(r"(?<![\w.])\d+", lambda m: str(int(m.group(0)) + by), message)


def _errors(kind: str, message: str, name: str) -> list[dict]:
    """The error as the probe would describe it, with `name` as the operand the line uses."""
    hints = {
        "loss": {"classes": 10, "input_shape": [5, 10], "target_shape": [5, 1]},
        "embedding": {"num_embeddings": 10, "max_index": 12},
        "module": "Linear(in_features=3, out_features=10, bias=True)",
        "inplace_line": {"line": 2, "text": f"{name} += 1", "name": name},
        "batch_indices": [2, 3],
        "suggestion": "astype",
        "carried": [name],
        "python": "/usr/bin/python3",
        "keys": ["weight", "bias"],
        "mapping": name,
        "optimizers": [name],
        "origins": {name: {"line": 1, "text": f"{name} = v.unsqueeze(0)"}},
    }
    operands = [
        {"name": name, "shape": [5, 3], "dtype": "int64", "device": "cuda:0"},
        {"name": "w", "shape": [10], "dtype": "float32", "device": "cpu"},
    ]
    lines = [f"out = f({name}, w)", f"{name} -= lr * {name}.grad", f"print({name}.shape)"]
    base = {"type": kind, "message": message, "line": 3, "operands": operands}
    return [{**base, "line_text": line, **extra} for line in lines for extra in ({}, hints)]


def test_every_family_has_a_real_message_to_render():
    assert set(MESSAGES) == {fam.name for fam in FAMILIES}


@pytest.mark.parametrize("family", sorted(MESSAGES))
def test_no_korean_explanation_writes_a_particle_in_parentheses(family):
    rendered, chosen = 0, set()
    for kind, message in MESSAGES[family]:
        for by in (0, 1, 2, 5, 7):
            for name in NAMES:
                for error in _errors(kind, _shifted(message, by), name):
                    explanation = explain(error)
                    if explanation is None:
                        continue
                    rendered += 1
                    chosen.add(explanation["family"])
                    ko = explanation["ko"]
                    assert not BRACKETED.search(ko), ko
                    assert "{" not in ko.replace("{0}", "") or "`" in ko, ko
    assert family in chosen  # hints or the line choose among families of one message
    assert rendered >= len(NAMES) * 6


def _ko(kind: str, message: str, line: str = "", operands=(), **hints) -> str:
    error = {"type": kind, "message": message, "line": 1, "line_text": line}
    error["operands"] = [
        {"name": n, "shape": list(s), "dtype": "float32", "device": d} for n, s, d in operands
    ]
    explanation = explain({**error, **hints})
    assert explanation is not None, message
    return explanation["ko"]


LEAF = "a leaf Variable that requires grad is being used in an in-place operation."


@pytest.mark.parametrize(
    ("name", "subject", "object_"),
    [("h", "h는", "h를"), ("loss", "loss는", "loss를"), ("step", "step은", "step을")],
)
def test_the_tensor_a_line_changes_in_place_takes_its_own_particles(name, subject, object_):
    ko = _ko("RuntimeError", LEAF, f"{name} -= lr * {name}.grad")
    assert f"{subject} `requires_grad=True`" in ko
    assert f"{object_} 바꾸지" in ko
    assert f"`with torch.no_grad(): {name} -= lr * {name}.grad`" in ko


@pytest.mark.parametrize(
    ("label", "said"), [("10", "레이블 10은"), ("2", "레이블 2는"), ("3", "레이블 3은")]
)
def test_a_label_out_of_range_is_read_as_a_number(label, said):
    ko = _ko("IndexError", f"Target {label} is out of bounds.", "loss = F.cross_entropy(a, b)")
    assert said in ko


@pytest.mark.parametrize(("index", "said"), [("10", "인덱스 10은"), ("5", "인덱스 5는")])
def test_an_index_out_of_bounds_is_read_as_a_number(index, said):
    message = f"index {index} is out of bounds for dimension 0 with size 3"
    assert said in _ko("IndexError", message, "v = x[10]")


def test_operands_named_by_calls_and_words_take_their_particles():
    message = "Expected all tensors to be on the same device, but found at least two devices"
    ko = _ko(
        "RuntimeError",
        message,
        "loss = model(x) - y",
        [("model(x)", (4, 1), "cuda:0"), ("y", (4, 1), "cpu")],
    )
    assert "model(x)는 cuda:0 장치" in ko and "y는 cpu 장치" in ko
    ko = _ko(
        "RuntimeError",
        "grad can be implicitly created only for scalar outputs",
        "loss.backward()",
        [("loss", (5, 3), "cpu")],
    )
    assert "loss는 (5, 3) 모양입니다" in ko
    ko = _ko("AttributeError", "'NoneType' object has no attribute 'shape'", "print(out.shape)")
    assert "out은 None이라" in ko


@pytest.mark.parametrize(("dim", "said"), [(1, "`dim=1`을 주세요"), (2, "`dim=2`를 주세요")])
def test_a_suggested_argument_takes_the_particle_of_its_number(dim, said):
    shape_a, shape_b = [2, 3, 4], [2, 3, 4]
    shape_b[dim] = 5
    message = (
        f"Sizes of tensors must match except in dimension 0. Expected size {shape_a[1]} but got "
        f"size {shape_b[1]} for tensor number 1 in the list."
        if dim == 1
        else "Sizes of tensors must match except in dimension 0. Expected size 4 but got size 5 "
        "for tensor number 1 in the list."
    )
    ko = _ko(
        "RuntimeError",
        message,
        "c = torch.cat([a, b])",
        [("a", shape_a, "cpu"), ("b", shape_b, "cpu")],
    )
    assert said in ko


# --- the warnings of silent mistakes (kernel/probe/mistakes.py, silent.py) ----------------------


def _warnings_for(name: str) -> list[dict]:
    """Every warning the probe can give, built with `name` where the snippet's own name goes."""
    from studytorch.kernel.probe import mistakes, silent, state

    model = torch.nn.Sequential(torch.nn.Linear(2, 1), torch.nn.Dropout(0.5))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    model(torch.ones(3, 2)).sum().backward()
    ns = {name: optimizer, "model": model, "w": torch.ones(2)}
    cell = f"w = torch.ones(2)\nw.required_grad = True\n{name}.lr = 0.1\n"
    before, state.last_cell = state.last_cell, cell
    try:
        found = mistakes._typos(ns)
    finally:
        state.last_cell = before
    found += mistakes._no_step(ns, {"metrics": {"loss": [0.5, 0.5, 0.5]}}, {})
    found += mistakes._no_step(ns, {"metrics": {"loss": [0.5, 0.4]}}, {})
    found += mistakes._grown(ns, {"grown": 3})
    found += mistakes._eval_forgotten({name: model}, {"eval": [model[1]]})
    found += [mistakes._squeeze_warning(10, [5, 3], 1), mistakes._squeeze_warning(2, [4, 2], 0)]
    found += mistakes._nan_loss({"metrics": {"loss": [0.5, 0.25, "nan"]}})
    found += [silent._softmax_warning(), silent._sigmoid_warning()]
    found.append(silent._total_warning(7, f"{name} += loss", name))
    found.append(silent._broadcast_loss(10, "mse_loss", [5, 1], [5]))
    found.append(silent._broadcast_loss(None, "l1_loss", [3], [3, 1]))
    found.append(silent._flag_warning(3, f"{name}.backbone", "False"))
    found.append(silent._uncalled_warning(9, f"{name}.step"))
    return found


def test_every_warning_is_rendered_in_korean_without_a_particle_in_parentheses():
    probe = REPO / "tui" / "studytorch" / "kernel" / "probe"
    sources = "".join((probe / f).read_text(encoding="utf-8") for f in ("mistakes.py", "silent.py"))
    kinds = set(re.findall(r'_warning\(\s*"(\w+)"', sources))
    rendered = set()
    for name in NAMES:
        for warning in _warnings_for(name):
            rendered.add(warning["kind"])
            assert not BRACKETED.search(warning["ko"]), warning["ko"]
            assert warning["en"] and re.search("[가-힣]", warning["ko"])
    assert rendered == kinds


def test_warnings_name_the_snippet_s_values_in_korean():
    by_kind = {w["kind"]: w for w in _warnings_for("opt")}
    assert "`opt.lr = ...` 코드는" in by_kind["optimizer_lr"]["ko"]
    assert "`opt.step()`을 한 번도" in by_kind["no_step"]["ko"]
    assert "새 속성 `required_grad` 하나를" in by_kind["attribute_typo"]["ko"]
    squeezes = [w["ko"] for w in _warnings_for("h") if w["kind"] == "squeeze_no_op"]
    assert "`squeeze(1)` 호출을" in squeezes[0] and "`squeeze(0)` 호출을" in squeezes[1]


# --- the sources --------------------------------------------------------------------------------

PARTICLE_AFTER = re.compile(
    r"^[`'\")\]]*(?:\([^()]*\)[`'\")\]]*)?"
    r"(?:이|가|을|를|은|는|과|와|로|으로|라는|이라는|라고|이라고|이나|나)(?![가-힣])"
)
SOURCES = sorted((REPO / "tui" / "studytorch" / "explain").glob("*.py")) + [
    REPO / "tui" / "studytorch" / "kernel" / "probe" / name for name in ("mistakes.py", "silent.py")
]


def _fixed_particles(path: Path) -> list[str]:
    """f-string parts where a particle follows a filled-in value: `{name}은`, `` `{x}`이 ``.
    A particle after a Korean word's parenthesis (`가중치({dtype})가`) belongs to the word."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        before = ""
        for part, after in zip(node.values, [*node.values[1:], None], strict=True):
            if isinstance(part, ast.Constant):
                before += str(part.value)
                continue
            before += "{}"
            if not (isinstance(after, ast.Constant) and isinstance(after.value, str)):
                continue
            if PARTICLE_AFTER.match(after.value):
                opened = before.rfind("(")
                closes = after.value.lstrip("`'\"]").startswith(")")
                if closes and opened > 0 and re.match(r"[가-힣]", before[opened - 1]):
                    continue
                found.append(f"{path.name}:{node.lineno}: {before[-30:]}{after.value[:12]}")
    return found


def test_no_template_writes_a_fixed_particle_after_a_value():
    found = [hit for path in SOURCES for hit in _fixed_particles(path)]
    assert found == [], "use korean.particle() for these:\n" + "\n".join(found)


def test_no_source_writes_a_particle_in_parentheses():
    found = [
        f"{path.name}:{i}"
        for path in SOURCES
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BRACKETED.search(line)
    ]
    assert found == []
