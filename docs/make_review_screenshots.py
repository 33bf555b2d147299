"""Make the README's review screenshots: a predict card run live in a real CPU kernel, and the
stats after two weeks of reviews (rated through FSRS at past times, so the forecast is real).

.venv/bin/python docs/make_review_screenshots.py   # writes assets/review*.png (needs rsvg-convert)
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
SIZE = (90, 26)
EXAMPLE = {  # the card in docs/lesson-format.md, for a course whose lessons have none yet
    "question": ("What does this print?", "이 코드는 무엇을 출력할까요?"),
    "code": "x = torch.arange(6)\nprint(x.view(3, -1).shape)\n",
    "answer": "torch.Size([3, 2])",
    "why": ("-1 takes what is left: 6 / 3 = 2.", "-1은 남은 크기를 채웁니다: 6 / 3 = 2."),
}


def course_with_a_predict_card(lesson_id: str):
    from dataclasses import replace

    from studytorch.course import load_course
    from studytorch.course.model import Card, Localized

    course = load_course()
    lesson = course.find(lesson_id)
    cards = [card for card in lesson.cards if card.kind == "predict"]
    if not cards:
        cards = [
            Card(
                Localized(*EXAMPLE["question"]),
                EXAMPLE["answer"],
                "predict",
                EXAMPLE["code"],
                Localized(*EXAMPLE["why"]),
            )
        ]
    course.lessons[course.lessons.index(lesson)] = replace(lesson, cards=tuple(cards))
    return course


def to_png(svg: Path) -> None:
    # Without xml:space, librsvg collapses the runs of spaces that indent code.
    svg.write_text(svg.read_text().replace("<svg ", '<svg xml:space="preserve" ', 1))
    subprocess.run(["rsvg-convert", str(svg), "-o", str(svg.with_suffix(".png"))], check=True)
    svg.unlink()
    print("wrote", svg.with_suffix(".png"))


async def review_card(home: Path) -> None:
    from studytorch.app import StudyApp
    from studytorch.kernel import KernelSession
    from studytorch.store import Store

    store = Store(home / "review.sqlite3")
    course = course_with_a_predict_card("shape-ops")
    app = StudyApp(
        session=KernelSession(device="cpu"), store=store, course=course, review=["shape-ops"]
    )
    async with app.run_test(size=SIZE) as pilot:
        while not app.course_loaded or app.kernel_state != "ready":
            await pilot.pause(0.1)
        await pilot.press(*"torch.Size([3, 2])", "enter")
        while "printed" not in str(app.screen.query_one("#review-answer").render()):
            await pilot.pause(0.1)
        await pilot.pause(0.5)
        app.save_screenshot(str(ASSETS / "review.svg"))
    to_png(ASSETS / "review.svg")


async def review_stats(home: Path) -> None:
    from studytorch.app import StudyApp
    from studytorch.course import load_course
    from studytorch.kernel import KernelSession
    from studytorch.review.deck import build_deck, due_cards
    from studytorch.review.schedule import rate
    from studytorch.screens.review_stats import ReviewStatsScreen
    from studytorch.store import Store

    store = Store(home / "stats.sqlite3")
    course = load_course()
    for lesson in course.lessons[:6]:
        store.set_position(lesson.id, lesson.steps[0].id)
    chance = random.Random(7)
    start = datetime.now(timezone.utc) - timedelta(days=13)
    for day in range(14):
        if day in (4, 9):
            continue  # days off
        at = start + timedelta(days=day, hours=chance.uniform(0, 3))
        for item in due_cards(build_deck(course, store), at.timestamp())[:12]:
            rating = chance.choices([1, 2, 3, 4], weights=[1, 2, 6, 2])[0]
            rate(store, item, rating, at)
            at += timedelta(seconds=40)
    app = StudyApp(session=KernelSession(device="cpu"), store=store, course=course)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReviewStatsScreen())
        await pilot.pause(0.8)
        app.save_screenshot(str(ASSETS / "review-stats.svg"))
    to_png(ASSETS / "review-stats.svg")


async def main() -> None:
    if not shutil.which("rsvg-convert"):
        sys.exit("make_review_screenshots: rsvg-convert is missing (apt-get install librsvg2-bin)")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["STUDYTORCH_HOME"] = folder
        await review_card(Path(folder))
        await review_stats(Path(folder))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tui"))
    asyncio.run(main())
