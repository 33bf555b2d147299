"""The words of review, its stats and a step's run history (en/ko), by key."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- the review screen (screens/review.py, review_text.py) ---
    "review.title": {"en": "Review", "ko": "복습"},
    "review.due": {"en": "{n} due", "ko": "{n}장 남음"},
    "review.reveal": {
        "en": "Space or Enter shows the answer.",
        "ko": "Space나 Enter를 누르면 답이 보입니다.",
    },
    "review.predict": {
        "en": "Type what the last printed line will be, then Enter:",
        "ko": "마지막으로 출력될 줄을 예측해 적고 Enter를 누르세요:",
    },
    "review.placeholder": {"en": "your prediction", "ko": "예측한 출력"},
    "review.answer": {"en": "Answer", "ko": "답"},
    "review.yours": {"en": "You predicted", "ko": "내 예측"},
    "review.printed": {"en": "The kernel printed", "ko": "커널이 출력한 값"},
    "review.shapes": {"en": "Shapes", "ko": "모양"},
    "review.stored": {
        "en": "The answer (no kernel: the stored one)",
        "ko": "답 (커널이 없어 저장된 답을 보여 줍니다)",
    },
    "review.running": {"en": "Running it in the kernel…", "ko": "커널에서 실행하는 중…"},
    "review.failed": {
        "en": "The code failed in the kernel: {error}",
        "ko": "커널에서 코드가 실패했습니다: {error}",
    },
    "review.match": {"en": "✓ exact match", "ko": "✓ 정확히 맞혔습니다"},
    "review.miss": {"en": "✗ not quite", "ko": "✗ 조금 다릅니다"},
    "review.why": {"en": "Why", "ko": "이유"},
    "review.rate": {"en": "How well did you know it?", "ko": "얼마나 잘 기억했나요?"},
    "review.ratings": {
        "en": "1 Again · 2 Hard · 3 Good · 4 Easy",
        "ko": "1 다시 · 2 어려움 · 3 좋음 · 4 쉬움",
    },
    "review.suggested": {"en": "suggested: {n}", "ko": "추천: {n}"},
    "review.done": {"en": "Nothing is due. {next}", "ko": "지금 복습할 카드가 없습니다. {next}"},
    "review.next": {"en": "The next card is due {when}.", "ko": "다음 카드는 {when}에 돌아옵니다."},
    "review.empty": {
        "en": "No cards yet: open a lesson, or name one: studytorch review shape-ops",
        "ko": "아직 카드가 없습니다. 레슨을 열거나 이름을 주세요: studytorch review shape-ops",
    },
    "review.stats_key": {
        "en": "S shows your review stats; Esc goes back to the lessons.",
        "ko": "S를 누르면 복습 통계가, Esc를 누르면 레슨 목록이 나옵니다.",
    },
    "review.reviewed": {"en": "Reviewed {n} this session.", "ko": "이번에 {n}장을 복습했습니다."},
    "review.today": {"en": "today at {time}", "ko": "오늘 {time}"},
    "review.on": {"en": "on {date}", "ko": "{date}"},
    "review.loading": {"en": "Reading the lessons…", "ko": "레슨을 읽는 중…"},
    # --- review stats (screens/review_stats.py) ---
    "stats.title": {"en": "Review stats", "ko": "복습 통계"},
    "stats.per_day": {"en": "Reviews per day (last 14 days)", "ko": "하루 복습 수 (지난 14일)"},
    "stats.forecast": {
        "en": "Cards due per day (next 14 days)",
        "ko": "날짜별 복습할 카드 (앞으로 14일)",
    },
    "stats.retention": {
        "en": "Retention so far: {pct:.0f}% of {n} reviews of cards seen before",
        "ko": "기억률: 다시 본 카드 {n}번 중 {pct:.0f}%를 기억했습니다",
    },
    "stats.no_retention": {
        "en": "Retention: not yet (no card has come back a second time)",
        "ko": "기억률: 아직 없음 (두 번째로 돌아온 카드가 없습니다)",
    },
    "stats.total": {
        "en": "{n} reviews in all; {due} cards due now",
        "ko": "지금까지 {n}번 복습했고, 지금 복습할 카드는 {due}장입니다",
    },
    # --- a step's earlier runs (screens/run_history.py) ---
    "history.title": {
        "en": "Earlier runs of “{step}” (newest first; the newest 50 are kept)",
        "ko": "“{step}”의 이전 실행 (최신순, 최근 50개를 보관합니다)",
    },
    "history.none": {
        "en": "No runs of this step yet: F5 runs it.",
        "ko": "아직 이 단계를 실행한 적이 없습니다. F5로 실행하세요.",
    },
    "history.no_code": {
        "en": "This run was recorded before studytorch kept code and output.",
        "ko": "코드와 출력을 보관하기 전에 기록된 실행입니다.",
    },
    "history.code": {"en": "Code", "ko": "코드"},
    "history.output": {"en": "Output", "ko": "출력"},
    "history.no_output": {"en": "(printed nothing)", "ko": "(출력 없음)"},
    "history.metrics": {"en": "Metrics", "ko": "지표"},
    "history.restore": {
        "en": "Enter puts this code in the editor (Ctrl+Z there undoes it).",
        "ko": "Enter를 누르면 이 코드가 편집기로 들어갑니다 (편집기에서 Ctrl+Z로 되돌립니다).",
    },
}
