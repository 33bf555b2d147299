"""What the lesson screen says to the learner, in English and Korean."""

TEXT = {
    "en": {
        "step": "step",
        "running": "▶ running…",
        "done": "done",
        "waiting": "▶ waiting for the kernel to warm up (torch is loading)…",
        "passed": "✓ Check passed",
        "failed": "✗ Check failed: ",
        "busy": "Already running: F8 interrupts.",
        "hint": "Hint",
        "no_hint": "This step has no hints.",
        "no_more": "No more hints.",
        "no_solution": "This step has no solution to show.",
        "ask_solution": "Replace your snippet with the solution? (Ctrl+Z undoes it.)",
        "ask_reset": "Reset the snippet to the starter code? (Ctrl+Z undoes it.)",
        "line": "at line",
        "cut": "characters of output were not shown",
        "interrupt_none": "Nothing is running.",
        "no_devices": "Only the CPU is available to this kernel.",
        "device": "Switching to device",
        "last": "This is the last step. Ctrl+O goes back to the lessons.",
        "first": "This is the first step.",
        "gpu_broken": "The GPU hit an error it cannot recover from in this kernel: "
        "F9 restarts the kernel (your snippet stays).",
    },
    "ko": {
        "step": "단계",
        "running": "▶ 실행 중…",
        "done": "완료",
        "waiting": "▶ 커널 준비를 기다리는 중 (torch 불러오는 중)…",
        "passed": "✓ 검사 통과",
        "failed": "✗ 검사 실패: ",
        "busy": "이미 실행 중입니다. F8로 중단하세요.",
        "hint": "힌트",
        "no_hint": "이 단계에는 힌트가 없습니다.",
        "no_more": "힌트를 모두 보았습니다.",
        "no_solution": "이 단계에는 보여 줄 정답이 없습니다.",
        "ask_solution": "지금 코드를 정답으로 바꿀까요? (Ctrl+Z로 되돌릴 수 있습니다)",
        "ask_reset": "코드를 처음 상태로 되돌릴까요? (Ctrl+Z로 되돌릴 수 있습니다)",
        "line": "줄",
        "cut": "글자의 출력은 생략했습니다",
        "interrupt_none": "실행 중인 코드가 없습니다.",
        "no_devices": "이 커널에서는 CPU만 쓸 수 있습니다.",
        "device": "장치를 바꿉니다",
        "last": "마지막 단계입니다. Ctrl+O로 레슨 목록에 돌아갑니다.",
        "first": "첫 번째 단계입니다.",
        "gpu_broken": "GPU에서 이 커널로는 복구할 수 없는 오류가 났습니다. "
        "F9로 커널을 다시 시작하세요(코드는 그대로 남습니다).",
    },
}

RUN_STATUS = {
    "en": {
        "error": "error",
        "interrupted": "stopped",
        "timeout": "timed out",
        "died": "kernel died",
        "restarted": "kernel restarted",
    },
    "ko": {
        "error": "에러",
        "interrupted": "중단됨",
        "timeout": "시간 초과",
        "died": "커널 종료됨",
        "restarted": "커널 재시작",
    },
}
"""How a run ended, for the status line (the "ok" case shows only the time)."""
