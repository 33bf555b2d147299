"""Key labels in the learner's language: BINDINGS hold the English, this module the Korean.

The footer and the help screen read a node's bindings, so switching language relabels them in
place. Textual has no public way to change a binding's description, so `localize` rebuilds the
node's own binding map (`_bindings`) from its class's merged BINDINGS (`_merged_bindings`).
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

KOREAN: dict[str, tuple[str, str | None]] = {
    # action: (footer label, longer text for the help screen or None)
    "run": ("실행", None),
    "interrupt": ("중단", "실행 중단"),
    "restart": ("커널 재시작", None),
    "next_step": ("다음", "다음 단계"),
    "previous_step": ("이전 단계", None),
    "hint": ("힌트", "다음 힌트 보기"),
    "solution": ("정답", "정답 보기 (먼저 묻습니다)"),
    "reset": ("코드 초기화", None),
    "next_tab": ("창", "다음 창: 노트, 출력, 텐서…"),
    "toggle_note": ("설명", "설명 접기/펼치기"),
    "switch_device": ("장치 바꾸기", None),
    "back": ("레슨 목록", None),
    "focus_editor": ("편집기 ⇄ 창 (그다음 Tab, 화살표)", None),
    "app.help": ("도움말 (편집기 밖에서)", None),
    "quit": ("끝내기", None),
    "help": ("도움말", None),
    "open": ("열기", None),
    "dismiss": ("닫기", None),
}

HELP_TEXT = {
    "en": {
        "title": "Keys (Esc closes)",
        "columns": ("key", "does", "where"),
        "where": {
            "Lesson": "lesson",
            "Home": "lessons list",
            "app": "everywhere",
            "editor": "editor",
        },
    },
    "ko": {
        "title": "단축키 (Esc로 닫기)",
        "columns": ("키", "기능", "위치"),
        "where": {"Lesson": "레슨", "Home": "레슨 목록", "app": "어디서나", "editor": "편집기"},
    },
}


def label(binding: Binding, lang: str) -> Binding:
    """`binding` with its description and tooltip in `lang` (English is the binding itself)."""
    if lang != "ko" or binding.action not in KOREAN:
        return binding
    description, tooltip = KOREAN[binding.action]
    return replace(binding, description=description, tooltip=tooltip or "")


def localize(node: DOMNode, lang: str) -> None:
    """Relabel `node`'s own key bindings (footer, help) in `lang`."""
    merged = getattr(type(node), "_merged_bindings", None)
    current = getattr(node, "_bindings", None)
    if merged is None or current is None:
        return  # a Textual without these internals: the labels stay English
    relabelled = {
        key: [label(binding, lang) for binding in bindings]
        for key, bindings in merged.key_to_bindings.items()
    }
    if relabelled == current.key_to_bindings:
        return  # unchanged (English at start-up): no footer rebuild
    node._bindings = BindingsMap.from_keys(relabelled)
    node.refresh_bindings()
