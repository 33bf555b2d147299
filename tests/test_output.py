"""The Output pane stays live: a huge line is cut for display with a count, a flood keeps its
start and its end with the count of what was dropped, and a lone surrogate costs one character."""

from __future__ import annotations

from textual.app import App

from studytorch.widgets.output import HEAD_LINES, LINE_LIMIT, OutputLog


class OneLog(App[None]):
    def compose(self):
        yield OutputLog()


def shown(log: OutputLog) -> str:
    return "\n".join(strip.text for strip in log.lines)


async def test_a_megabyte_line_is_cut_for_display_with_a_count_and_its_neighbours_kept() -> None:
    app = OneLog()
    async with app.run_test(size=(80, 24)) as pilot:
        log = app.query_one(OutputLog)
        log.stream("stdout", "before\n")
        for _ in range(16):  # a 1 MB line arrives in 64 KB messages
            log.stream("stdout", "x" * 65_536)
        log.stream("stdout", "\nafter\n")
        log.flush()
        log.rebuild()
        await pilot.pause()
        text = shown(log)
        assert "before" in text and "after" in text
        assert f"{16 * 65_536 - LINE_LIMIT:,} more characters" in text
        assert text.count("x") <= LINE_LIMIT


async def test_a_line_still_being_printed_when_the_run_ends_is_cut_too() -> None:
    app = OneLog()
    async with app.run_test(size=(80, 24)) as pilot:
        log = app.query_one(OutputLog)
        log.stream("stderr", "y" * (LINE_LIMIT + 10))
        log.flush()
        await pilot.pause()
        assert "10 more characters" in shown(log)


async def test_a_flood_keeps_its_first_and_last_lines_and_counts_the_rest() -> None:
    app = OneLog()
    async with app.run_test(size=(80, 24)) as pilot:
        log = app.query_one(OutputLog)
        log.stream("stdout", "".join(f"line {i}\n" for i in range(100_000)))
        log.flush()
        log.rebuild()
        await pilot.pause()
        text = shown(log)
        assert "line 0\n" in text + "\n" and f"line {HEAD_LINES - 1}" in text
        assert "line 99999" in text
        assert f"{log.cut:,} lines cut" in text and log.cut > 90_000
