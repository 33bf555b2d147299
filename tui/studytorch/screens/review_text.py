"""The review screen's longer texts: when the next card is due, a predict card's answer."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text

from studytorch.text import shape_text, visible
from studytorch.ui_text import ui

if TYPE_CHECKING:
    from studytorch.course.model import Card
    from studytorch.course.predict import CardRun


def next_due(lang: str, due: float) -> str:
    """ "The next card is due today at 14:05." (or on a date)."""
    moment = datetime.fromtimestamp(due)
    if moment.date() == datetime.now().date():
        when = ui("review.today", lang, time=moment.strftime("%H:%M"))
    else:
        when = ui("review.on", lang, date=moment.strftime("%Y-%m-%d"))
    return ui("review.next", lang, when=when)


def predict_answer(
    lang: str,
    card: Card,
    prediction: str,
    truth_from: str,
    live: CardRun | None,
    suggested: int | None,
) -> Text:
    """The prediction beside the truth: printed live, or the stored answer without a kernel."""

    def text(key: str) -> str:
        return ui(f"review.{key}", lang)

    shown = (
        Text().append(f"{text('yours')}: ", style="bold").append(visible(prediction.strip()) or "—")
    )
    if truth_from == "running":
        return shown.append("\n" + text("running"), style="dim italic")
    if truth_from == "failed" and live is not None:
        shown.append("\n" + ui("review.failed", lang, error=live.error or ""), style="red")
    if truth_from == "live" and live is not None:
        shown.append(f"\n{text('printed')}:", style="bold")
        printed = live.printed.rstrip("\n").splitlines()[-6:]
        shown.append("\n  " + "\n  ".join(visible(line) for line in printed))
        if live.shapes:
            shapes = " · ".join(
                f"{visible(name)} {shape_text(shape)}" for name, shape in live.shapes
            )
            shown.append(f"\n{text('shapes')}: ", style="bold").append(shapes)
    else:
        shown.append(f"\n{text('stored')}: ", style="bold").append(visible(card.answer_in(lang)))
    hit = suggested == 3
    shown.append("\n" + text("match" if hit else "miss"), style="green" if hit else "yellow")
    if card.why is not None:
        shown.append(f"\n\n{text('why')}: ", style="bold").append(visible(card.why.get(lang)))
    return shown
