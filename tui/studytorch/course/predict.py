"""Run a predict card's code in a kernel and compare what it printed with an answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from studytorch.kernel.protocol import Died, Done, Error, Restarted, Stream, Summary
from studytorch.notice import Notice

if TYPE_CHECKING:
    from studytorch.course.model import Card
    from studytorch.kernel.protocol import Kernel

CARD_TIMEOUT_S = 30.0
"""A card's code is a few lines; anything slower is a mistake in the card."""


def last_line(printed: str) -> str:
    """The last non-empty printed line, stripped: what a card's answer names."""
    lines = [line.strip() for line in printed.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def matches(prediction: str, answer: str) -> bool:
    """The same text once spaces are ignored: `tensor([1,2])` predicts `tensor([1, 2])`."""
    return "".join(prediction.split()) == "".join(answer.split())


@dataclass(frozen=True)
class CardRun:
    """What a card's code did in the kernel."""

    printed: str
    error: str | Notice | None = None
    """How the code failed: its error, how the kernel died (a Notice), or the run's status."""
    kernel_lost: bool = False
    """The kernel died or could not start: the code never ran to the end."""
    shapes: tuple[tuple[str, list[int]], ...] = ()
    """The tensors the code assigned, with their last shapes, in line order."""

    @property
    def answer(self) -> str:
        return last_line(self.printed)


async def run_card(session: Kernel, card: Card) -> CardRun:
    """Run `card`'s code; a kernel that cannot start gives a CardRun with `kernel_lost`."""
    printed: list[str] = []
    error: str | Notice | None = None
    lost = False
    shapes: tuple[tuple[str, list[int]], ...] = ()
    # The code runs as it is: every run starts from a fresh namespace and leaves nothing behind.
    async for event in session.execute(card.code or "", timeout=CARD_TIMEOUT_S):
        if isinstance(event, Summary) and event.kind == "run":
            lines = sorted(event.payload.get("lines", []), key=lambda item: item["line"])
            shapes = tuple((item["name"], item["shape"]) for item in lines if "shape" in item)
        elif isinstance(event, Stream) and event.name == "stdout":
            printed.append(event.text)
        elif isinstance(event, Error):
            error = f"{event.ename}: {event.evalue}"
        elif isinstance(event, (Died, Restarted)):
            error, lost = event.why, True
        elif isinstance(event, Done) and event.status not in ("ok", "error") and error is None:
            error = event.status
    return CardRun("".join(printed), error, lost, shapes)
