"""EditKeeper: the editor's code kept in the store (autosave, conflicts), replaced after asking."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.screen import Screen
from textual.timer import Timer

from studytorch.screens.confirm import ConfirmScreen
from studytorch.screens.host import host_of
from studytorch.store import EditConflict, StoreError
from studytorch.ui_text import say, ui

AUTOSAVE_S = 0.4
"""An edit is written this long after the last keystroke (and always before a run or leaving)."""
AUTOSAVE_MAX_S = 2.0
"""Steady typing never pauses for AUTOSAVE_S: it is still written at least this often."""


class EditKeeper:
    """Keeps the editor's code of the step on screen in the store, one transaction a save.

    A save carries the revision this window last read or wrote, so an edit saved meanwhile by a
    second studytorch is not overwritten: the learner is asked whose stays (`put_back` shows
    theirs in the editor)."""

    def __init__(
        self,
        owner: Screen,
        lesson_id: str,
        step_id: Callable[[], str],
        put_back: Callable[[str], None],
    ) -> None:
        self.owner = owner
        self.lesson_id = lesson_id
        self.step_id = step_id
        """The step on screen now (it changes; the keeper stays)."""
        self.put_back = put_back
        self._revision: float | None = None
        """The stored edit's revision this screen last read or wrote (None: nothing stored)."""
        self._saved = ""
        self._code = ""
        """The editor's code as of its last change."""
        self._error = ""
        """Why the last save failed; empty once a save succeeds."""
        self._asking = False
        """A question about a conflicting edit is open: no autosave until it is answered."""
        self._timers: list[Timer] = []
        self._deadline: Timer | None = None

    def _say(self, key: str, **values: object) -> str:
        return ui(key, host_of(self.owner).lang, **values)

    def load(self) -> str | None:
        """The step's saved edit (None: none, or unreadable, said in a notification)."""
        self._revision = None
        try:
            found = host_of(self.owner).store.load_edit_revision(self.lesson_id, self.step_id())
        except StoreError as exc:
            self.owner.notify(str(exc), severity="error")
            return None
        if found is None:
            return None
        code, self._revision = found
        return code

    def shown(self, code: str) -> None:
        """The editor now shows `code` as it is stored (or the starter, not stored yet)."""
        self._saved = self._code = code

    def changed(self, code: str) -> None:
        """The editor's text changed: save soon, and at the latest AUTOSAVE_MAX_S from the
        first unsaved change (a deadline that each key does not push back)."""
        self._code = code
        if code == self._saved:
            return
        for timer in self._timers:
            timer.stop()
        self._timers = [self.owner.set_timer(AUTOSAVE_S, self.save_now)]
        if self._deadline is None:
            self._deadline = self.owner.set_timer(AUTOSAVE_MAX_S, self.save_now)

    def save_now(self, code: str | None = None) -> bool:
        """Write the code (`code`: the editor's text now, newer than its last change event) if
        it changed; False when it is still not saved."""
        if code is not None:
            self._code = code
        for timer in [*self._timers, self._deadline]:
            if timer is not None:
                timer.stop()
        self._timers, self._deadline = [], None
        code = self._code
        if code == self._saved:
            return True
        if self._asking:
            return False
        store = host_of(self.owner).store
        try:
            self._revision = store.save_edit(self.lesson_id, self.step_id(), code, self._revision)
        except EditConflict as exc:
            self._ask_about(exc)
            return False
        except StoreError as exc:
            if str(exc) != self._error:  # once per reason, not at every keystroke
                self.owner.notify(self._say("save_failed", reason=exc), severity="error")
            self._error = str(exc)
            return False
        self._saved, self._error = code, ""
        notice = store.take_notice()
        if notice is not None:
            self.owner.notify(say(notice, host_of(self.owner).lang), severity="warning", timeout=20)
        return True

    def unsaved_reason(self, code: str) -> str | None:
        """Save `code` (the editor's text now); why it could not be, or None."""
        if self.save_now(code):
            return None
        return self._error or self._say("conflict_open")

    def replacer(self) -> Callable[[str | None], None]:
        """Something that puts a code in the editor (undoably) while the step it was made on is
        still on screen; None does nothing (an earlier run chosen, or not)."""
        step_id = self.step_id()

        def replace(code: str | None) -> None:
            if code is not None and self.step_id() == step_id:
                self.put_back(code)

        return replace

    def replace_after_asking(self, question: str, code: str) -> None:
        """Put `code` in the editor once the learner says yes (the solution, the starter)."""
        replace = self.replacer()
        lang = host_of(self.owner).lang
        self.owner.app.push_screen(
            ConfirmScreen(question, lang), lambda yes: replace(code if yes else None)
        )

    def _ask_about(self, conflict: EditConflict) -> None:
        """Another studytorch saved this step differently: the learner chooses whose stays."""
        step_id = self.step_id()
        self._asking = True

        def answered(keep_mine: bool | None) -> None:
            self._asking = False
            if self.step_id() != step_id:
                return
            self._revision = conflict.revision
            if keep_mine:
                self.save_now()
            else:
                self._saved = self._code = conflict.code
                self.put_back(conflict.code)

        at = time.strftime("%H:%M:%S", time.localtime(conflict.revision))
        lang = host_of(self.owner).lang
        question = ConfirmScreen(self._say("conflict", at=at), lang, keys=False)
        self.owner.app.push_screen(question, answered)
