"""A lesson's check, run against a copy of the learner's namespace; `expect` for its authors."""

from __future__ import annotations

import linecache
from typing import Any

from . import isolation, state


class CheckFailed(AssertionError):
    def __init__(self, en: str, ko: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.ko = ko or en


def expect(condition: Any, en: str, ko: str | None = None) -> None:
    """Fail the check with a message for the learner, in English and Korean."""
    if not condition:
        raise CheckFailed(en, ko)


def check(source: str) -> None:
    """Run a lesson's check against a copy of the learner's namespace and publish the verdict.

    The run's end put back every function the snippet replaced, so the check uses torch's own
    `allclose`, `equal` and `isinstance`; a run that replaced one of them (or part of this
    probe) does not pass, whatever the check says: its answer cannot be trusted."""
    tampered = [*isolation.last.tampered, *isolation.restore().tampered]
    if tampered:
        names = ", ".join(dict.fromkeys(tampered))
        state.publish(
            {
                "kind": "check",
                "passed": False,
                "tampered": tampered,
                "message": {
                    "en": f"the snippet replaced {names}, so its check cannot be trusted: "
                    "remove that line and run again",
                    "ko": f"스니펫이 {names} 함수를 바꿔서 이 검사를 믿을 수 없습니다. "
                    "그 줄을 지우고 다시 실행하세요",
                },
            }
        )
        return
    ns = dict(state.shell.user_ns)
    ns["expect"] = expect
    filename = "<check>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    verdict: dict[str, Any]
    try:
        exec(compile(source, filename, "exec"), ns)
    except CheckFailed as exc:
        verdict = {"passed": False, "message": {"en": exc.en, "ko": exc.ko}}
    except NameError as exc:
        name = getattr(exc, "name", None) or str(exc)
        verdict = {
            "passed": False,
            "message": {
                "en": f"the snippet did not define {name}",
                "ko": f"스니펫에서 {name}을(를) 정의하지 않았습니다",
            },
        }
    except Exception as exc:
        text = f"{type(exc).__name__}: {exc}".strip()
        verdict = {"passed": False, "message": {"en": text, "ko": text}}
    else:
        verdict = {"passed": True, "message": None}
    state.publish({"kind": "check", **verdict})
