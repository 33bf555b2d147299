"""Korean mode speaks Korean: every catalogue key has both languages, and after a run every pane
shows no English UI words (PyTorch's own names and the learner's code excepted)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets._footer import FooterKey

from fakes import CPU_INT, FakeSession, fixed_course, tensor
from studytorch.app import StudyApp
from studytorch.kernel import Event, Stream, Summary
from studytorch.notice import Notice
from studytorch.screens.lesson import LessonScreen
from studytorch.store import Store
from studytorch.ui_text import TEXT, say, ui
from studytorch.widgets.curve import LossCurve
from studytorch.widgets.editor import SnippetEditor

HANGUL = re.compile("[가-힣]")
PYTORCH = set(
    # PyTorch's and Python's own names, which a Korean learner reads in English too.
    """grad_fn dtype shape requires_grad grad device stride nan inf lr autograd torch tensor
    cpu cuda mps float32 int64 None True False DataLoader num_workers zero_grad optimizer track
    loss PyTorch studytorch ms KB Ctrl Esc Tab En view reshape squeeze
    F1 F2 F3 F4 F5 F6 F8 F9 f1 f2 f3 f4 f5 f6 f8 f9 ctrl""".split()  # noqa: SIM905
)


BY_LANGUAGE = {"check.author"}
"""Keys whose templates name a field per language: the lesson author's own words."""


def test_every_key_has_english_and_korean() -> None:
    for key, texts in TEXT.items():
        assert set(texts) == {"en", "ko"}, key
        assert texts["en"].strip() and texts["ko"].strip(), key
        if key in BY_LANGUAGE:
            continue
        fields = set(re.findall(r"{(\w+)", texts["en"]))
        assert fields == set(re.findall(r"{(\w+)", texts["ko"])), f"{key}: fields differ"


SAMPLES: dict[str, object] = {
    # Values as the app fills them in: words ending in a vowel, a consonant, ㄹ, digits, code.
    "title": "텐서 만들기",
    "step": "모양 바꾸기",
    "name": "loss",
    "names": "torch.allclose, builtins.isinstance",
    "count": 10,
    "number": 2,
    "n": 3,
    "due": 2,
    "line": 7,
    "lines": 100_001,
    "kb": 2_048,
    "max_lines": 5_000,
    "max_kb": 512,
    "moved": "/home/me/.local/share/studytorch/progress.db.corrupt-20261204-101010",
    "path": "/home/me/lessons/x.py",
    "python": "/usr/bin/python3",
    "signal": "SIGKILL",
    "code": 3,
    "seconds": 3,
    "error": "ZeroDivisionError: division by zero",
    "type": "RuntimeError",
    "message": "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)",
    "printed": "(5, 3)",
    "answer": "tensor([1, 2])",
    "at": "14:05",
    "when": "오늘 14:05",
    "next": "다음 카드는 오늘 14:05에 돌아옵니다.",
    "time": "14:05",
    "date": "2026-12-04",
    "pct": 87.5,
    "epoch": 1,
    "batch": 0,
    "age": 2,
    "total": 1_234,
    "trainable": 1_200,
    "passed": 40,
    "failed": 1,
    "status": "ok",
    "reason": "디스크가 가득 찼습니다.",
    "cards": "shape-ops:3f2a, autograd:9b1c",
    "en": "y should be 2x3",
    "ko": "y는 2x3이어야 합니다",
    "why": Notice("signal.SIGKILL"),
    "first": Notice("store.deleted", {"path": "/tmp/db"}),
    "said": "y is not 2 (y = 4)",
    "faults": [Notice("proof.wrong_passes", {"name": "wrong_typed.py", "reason": "y is not 2"})],
    "then": Notice("store.damaged", {"moved": "/tmp/db.corrupt"}),
}
PARENTHESISED = re.compile(
    r"\((?:이|가|을|를|은|는|으|와|과|이라는|라는)\)|을\(를\)|은\(는\)|와\(과\)|이\(가\)"
)


@pytest.mark.parametrize("key", sorted(TEXT))
def test_korean_never_writes_a_particle_in_parentheses(key: str) -> None:
    """Every template said in Korean with real values: 이/가, 을/를... chosen, never 을(를)."""
    names = set(re.findall(r"{(\w+)", TEXT[key]["ko"]))
    try:  # a field without a sample gets a word, or a number where the template formats one
        said = ui(key, "ko", **{name: SAMPLES.get(name, "텐서") for name in names})
    except (ValueError, TypeError):
        said = ui(key, "ko", **{name: SAMPLES.get(name, 3) for name in names})
    assert not PARENTHESISED.search(said), said
    assert HANGUL.search(said) or not HANGUL.search(TEXT[key]["ko"]), said


@pytest.mark.parametrize(
    ("template", "fields", "expected"),
    [
        ("{code:으로/로} 끝났습니다", {"code": 3}, "3으로 끝났습니다"),
        ("{code:으로/로} 끝났습니다", {"code": 2}, "2로 끝났습니다"),
        ("{path:은/는} 아닙니다", {"path": "a.json"}, "a.json은 아닙니다"),
    ],
)
def test_the_catalogue_fills_korean_with_particles_chosen(
    template: str, fields: dict[str, object], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(TEXT, "test.particle", {"en": template, "ko": template})
    assert ui("test.particle", "ko", **fields) == expected


def test_kernel_deaths_are_said_in_korean() -> None:
    from studytorch.kernel.session import explain_exit

    for code in (-11, -9, 3, None):
        assert HANGUL.search(say(explain_exit(code), "ko")), code
    fresh = Notice("kernel.fresh", {"why": explain_exit(-9)})
    assert "started" not in say(fresh, "ko")
    assert "SIGKILL" in say(fresh, "ko") and "메모리 부족" in say(fresh, "ko")


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    """`ui("key", ...)`, `Notice("key", ...)`, `"key": "..."`: a key missing from the catalogue
    is a KeyError in front of the learner, so every literal one is looked up here."""
    package = Path(__file__).parents[1] / "tui" / "studytorch"
    pattern = re.compile(r'\b(?:ui|Notice|_say)\(\s*"([\w.()]+)"|"key": "([\w.]+)"')
    named = {
        key
        for path in package.rglob("*.py")
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
        for key in match.groups()
        if key
    }
    assert len(named) > 100
    assert sorted(named - set(TEXT)) == []


def test_every_editor_key_has_words_in_the_catalogue() -> None:
    """F1 lists Textual's own editor keys: a Textual that adds one must not bring English."""
    from textual.widgets import TextArea

    missing = [b.action for b in TextArea.BINDINGS if f"key.{b.action}" not in TEXT]
    assert missing == []


def _never_words() -> set[str]:
    """The words docs/glossary.md says never to write ("never 에폭", "never 매개변수 (...)")."""
    glossary = Path(__file__).parents[1] / "docs" / "glossary.md"
    words = set()
    for row in glossary.read_text(encoding="utf-8").splitlines():
        if row.startswith("|"):
            for found in re.findall(r"never ([^(|]+)", row.strip("|").split("|")[-1]):
                words |= {word.strip() for word in found.split(",") if word.strip()}
    return words


def test_the_catalogue_speaks_the_glossarys_korean() -> None:
    never = _never_words()
    assert {"에폭", "매개변수", "그래디언트"} <= never
    wrong = [(key, word) for key in TEXT for word in never if word in TEXT[key]["ko"]]
    assert wrong == []
    assert "에포크" in ui("batches.where", "ko", epoch=1, batch=0)


ALLOWED_KOREAN = (
    "ui_text/",
    "korean.py",
    "explain",
    "probe/mistakes.py",
    "probe/silent.py",
)
"""Where Korean may be written: the catalogue, the particle helper, and the explanation and
warning tables (whose texts come with the error they explain)."""


def test_no_korean_outside_the_catalogue_and_the_explanation_tables() -> None:
    package = Path(__file__).parents[1] / "tui" / "studytorch"
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if any(part in relative for part in ALLOWED_KOREAN):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HANGUL.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == [], "\n".join(found)


def strings(value: Any) -> set[str]:
    """Every word inside the fake run's payload: the learner's own names may show as they are."""
    if isinstance(value, str):
        return set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", value))
    if isinstance(value, dict):
        return set().union(*(strings(v) for v in value.values()))  # keys are never shown
    if isinstance(value, (list, tuple)):
        return set().union(*(strings(v) for v in value)) if value else set()
    return set()


def full_run(_code: str) -> list[Event]:
    """A run that fills every pane: tensors and a graph, a model, an optimizer, curve, batches."""
    loss = tensor("loss", [], [], "tensor(0.2500)", requires_grad=True, is_leaf=False)
    loss |= {"grad_fn": "MseLossBackward0", "dtype": "float32", "numel": 1}
    weight = {"name": "weight", "shape": [1, 1], "requires_grad": True, "grad_norm": 0.5}
    return [
        Stream("stdout", "0.25\n"),
        Summary({"kind": "metrics", "append": {"loss": {"start": 0, "values": [1.0, 0.5, 0.25]}}}),
        Summary(
            {
                "kind": "run",
                "tensors": [tensor("x", [6], [1], "tensor([0, 1, 2, 3, 4, 5])"), loss],
                "lines": [{"line": 1, "name": "x", "count": 1, "shape": [6], **CPU_INT}],
                "modules": [
                    {"name": "model", "type": "Linear", "parameters": [weight], "total": 1}
                    | {"trainable": 1, "training": False},
                    {"name": "criterion", "type": "MSELoss", "parameters": [], "total": 0}
                    | {"trainable": 0, "training": True},
                ],
                "optimizers": [
                    {"name": "opt", "type": "SGD", "param_groups": [{"lr": 0.1, "params": 1}]}
                ],
                "metrics": {"loss": [1.0, 0.5, 0.25]},
                "batches": [
                    {"loader": "loader", "epoch": 0, "batch": 0, "indices": None, "parts": []}
                ],
                "graph": {
                    "loss": {
                        "root": 0,
                        "nodes": [{"id": 0, "name": "MseLossBackward0", "children": []}],
                    }
                },
                "error": None,
            }
        ),
    ]


def screen_text(screen: LessonScreen) -> str:
    """What the screen shows, less the editor's code (the learner's, in English)."""
    editor = screen.query_one(SnippetEditor).region
    rows = []
    for y, strip in enumerate(screen._compositor.render_strips()):
        if editor.y <= y < editor.bottom:
            strip = Strip.join(
                [strip.crop(0, editor.x), strip.crop(editor.right, strip.cell_length)]
            )
        rows.append(strip.text)
    return "\n".join(rows)


async def visit_every_pane(pilot: Pilot, screen: LessonScreen) -> str:
    seen = []
    tabs = screen.results.tabs
    for pane in ("tab-note", "tab-output", "tab-tensors", "tab-curve", "tab-batches", "tab-model"):
        if tabs.get_tab(pane).display:
            tabs.active = pane
            await pilot.pause()
            await pilot.pause(0.15)  # the curve redraws on a timer
            seen.append(screen_text(screen))
    return "\n".join(seen)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_in_korean_no_english_ui_words_reach_the_screen(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = StudyApp(
        session=FakeSession(events_for=full_run),
        store=Store(tmp_path / "db.sqlite3"),
        course=fixed_course(),
        lesson="shape-ops",
        lang="en",
    )
    async with app.run_test(size=size) as pilot:
        while not isinstance(app.screen, LessonScreen) or app.kernel_state != "ready":
            await pilot.pause(0.05)
        screen = app.screen
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        english_before = await visit_every_pane(pilot, screen)
        await pilot.press("ctrl+l")  # switched after the run: everything is said again
        await pilot.pause()
        shown = await visit_every_pane(pilot, screen)
        screen.results.tabs.active = "tab-curve"
        screen.query_one(LossCurve).focus()
        await pilot.pause()
        curve_keys = {
            key.action: key.description
            for key in screen.query(FooterKey)
            if key.action in ("clear_earlier", "toggle_log")
        }
    allowed = PYTORCH | strings([e.payload for e in full_run("") if isinstance(e, Summary)])
    allowed |= strings(fixed_course().lessons[1].steps[0].starter)
    words = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", shown))
    english = sorted(w for w in words - allowed if len(w) > 1)
    assert english == [], f"English words on the Korean screen: {english}"
    assert "Tensors" in english_before and "텐서" in shown
    assert "검사 실패" in shown, "the check's verdict is said again in Korean"
    assert curve_keys == {"clear_earlier": "이전 실행 지우기", "toggle_log": "로그 눈금"}
    assert "평가 모드" in shown and "criterion" in shown, "mode per module, and no-parameter ones"
