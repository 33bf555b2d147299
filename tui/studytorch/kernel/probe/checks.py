"""A lesson's check, run against a copy of the learner's namespace; `expect` for its authors."""

from __future__ import annotations

import linecache
from typing import Any

from . import isolation, scratch, state


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
                "key": "check.tampered",
                "params": {"names": names},
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
    except NameError as exc:  # our words, by key: the app's catalogue says them
        name = getattr(exc, "name", None) or str(exc)
        verdict = {"passed": False, "key": "check.undefined", "params": {"name": name}}
    except Exception as exc:
        text = f"{type(exc).__name__}: {exc}".strip()
        verdict = {"passed": False, "key": "check.raised", "params": {"error": text}}
    else:
        verdict = {"passed": True, "message": None}
    scratch.end()  # the check has read what the run wrote: the run's temporary files go
    state.publish({"kind": "check", **verdict})
