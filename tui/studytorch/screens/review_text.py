"""What the review screens say, in English and Korean, and the answer of a predict card."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text

from studytorch.text import shape_text, visible

if TYPE_CHECKING:
    from studytorch.course.model import Card
    from studytorch.course.predict import CardRun

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Review",
        "due": "{n} due",
        "reveal": "Space or Enter shows the answer.",
        "predict": "Type what the last printed line will be, then Enter:",
        "placeholder": "your prediction",
        "answer": "Answer",
        "yours": "You predicted",
        "printed": "The kernel printed",
        "shapes": "Shapes",
        "stored": "The answer (no kernel: the stored one)",
        "running": "Running it in the kernel…",
        "failed": "The code failed in the kernel: {error}",
        "match": "✓ exact match",
        "miss": "✗ not quite",
        "why": "Why",
        "rate": "How well did you know it?",
        "ratings": "1 Again · 2 Hard · 3 Good · 4 Easy",
        "suggested": "suggested: {n}",
        "done": "Nothing is due. {next}",
        "next": "The next card is due {when}.",
        "empty": "No cards yet: open a lesson, or name one: studytorch review shape-ops",
        "stats_key": "S shows your review stats; Esc goes back to the lessons.",
        "reviewed": "Reviewed {n} this session.",
        "today": "today at {time}",
        "on": "on {date}",
        "loading": "Reading the lessons…",
    },
    "ko": {
        "title": "복습",
        "due": "{n}장 남음",
        "reveal": "Space나 Enter를 누르면 답이 보입니다.",
        "predict": "마지막으로 출력될 줄을 예측해 적고 Enter를 누르세요:",
        "placeholder": "예측한 출력",
        "answer": "답",
        "yours": "내 예측",
        "printed": "커널이 출력한 값",
        "shapes": "모양",
        "stored": "답 (커널이 없어 저장된 답을 보여 줍니다)",
        "running": "커널에서 실행하는 중…",
        "failed": "커널에서 코드가 실패했습니다: {error}",
        "match": "✓ 정확히 맞혔습니다",
        "miss": "✗ 조금 다릅니다",
        "why": "이유",
        "rate": "얼마나 잘 기억했나요?",
        "ratings": "1 다시 · 2 어려움 · 3 좋음 · 4 쉬움",
        "suggested": "추천: {n}",
        "done": "지금 복습할 카드가 없습니다. {next}",
        "next": "다음 카드는 {when}에 돌아옵니다.",
        "empty": "아직 카드가 없습니다. 레슨을 열거나 이름을 주세요: studytorch review shape-ops",
        "stats_key": "S를 누르면 복습 통계가, Esc를 누르면 레슨 목록이 나옵니다.",
        "reviewed": "이번에 {n}장을 복습했습니다.",
        "today": "오늘 {time}",
        "on": "{date}",
        "loading": "레슨을 읽는 중…",
    },
}

STATS_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Review stats",
        "per_day": "Reviews per day (last 14 days)",
        "forecast": "Cards due per day (next 14 days)",
        "retention": "Retention so far: {pct:.0f}% of {n} reviews of cards seen before",
        "no_retention": "Retention: not yet (no card has come back a second time)",
        "total": "{n} reviews in all; {due} cards due now",
    },
    "ko": {
        "title": "복습 통계",
        "per_day": "하루 복습 수 (지난 14일)",
        "forecast": "날짜별 복습할 카드 (앞으로 14일)",
        "retention": "기억률: 다시 본 카드 {n}번 중 {pct:.0f}%를 기억했습니다",
        "no_retention": "기억률: 아직 없음 (두 번째로 돌아온 카드가 없습니다)",
        "total": "지금까지 {n}번 복습했고, 지금 복습할 카드는 {due}장입니다",
    },
}


def next_due(lang: str, due: float) -> str:
    """ "The next card is due today at 14:05." (or on a date)."""
    text = TEXT[lang]
    moment = datetime.fromtimestamp(due)
    if moment.date() == datetime.now().date():
        when = text["today"].format(time=moment.strftime("%H:%M"))
    else:
        when = text["on"].format(date=moment.strftime("%Y-%m-%d"))
    return text["next"].format(when=when)


def predict_answer(
    lang: str,
    card: Card,
    prediction: str,
    truth_from: str,
    live: CardRun | None,
    suggested: int | None,
) -> Text:
    """The prediction beside the truth: printed live, or the stored answer without a kernel."""
    text = TEXT[lang]
    shown = (
        Text().append(f"{text['yours']}: ", style="bold").append(visible(prediction.strip()) or "—")
    )
    if truth_from == "running":
        return shown.append("\n" + text["running"], style="dim italic")
    if truth_from == "failed" and live is not None:
        shown.append("\n" + text["failed"].format(error=visible(live.error or "")), style="red")
    if truth_from == "live" and live is not None:
        shown.append(f"\n{text['printed']}:", style="bold")
        printed = live.printed.rstrip("\n").splitlines()[-6:]
        shown.append("\n  " + "\n  ".join(visible(line) for line in printed))
        if live.shapes:
            shapes = " · ".join(
                f"{visible(name)} {shape_text(shape)}" for name, shape in live.shapes
            )
            shown.append(f"\n{text['shapes']}: ", style="bold").append(shapes)
    else:
        shown.append(f"\n{text['stored']}: ", style="bold").append(visible(card.answer_in(lang)))
    hit = suggested == 3
    shown.append("\n" + text["match" if hit else "miss"], style="green" if hit else "yellow")
    if card.why is not None:
        shown.append(f"\n\n{text['why']}: ", style="bold").append(visible(card.why.get(lang)))
    return shown
