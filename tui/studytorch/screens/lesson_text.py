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
        "save_failed": "Your edit was not saved: {reason} It is still in the editor; "
        "studytorch tries again as you type, run or move.",
        "stay": "Staying on this step until your edit is saved.",
        "conflict": "Another studytorch window saved a different version of this step at {at}. "
        "Keep yours and overwrite it? (No loads theirs; Ctrl+Z brings yours back. Tab, Enter.)",
        "conflict_open": "another studytorch window saved a different version",
        "ask_quit": "Your edit of this step was not saved: {reason} "
        "Quit anyway and lose it? (Ctrl+Q again quits too.)",
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
        "save_failed": "편집한 코드를 저장하지 못했습니다: {reason} 코드는 편집기에 그대로 있고, "
        "입력하거나 실행하거나 단계를 옮길 때 다시 저장합니다.",
        "stay": "코드가 저장될 때까지 이 단계에 머뭅니다.",
        "conflict": "다른 studytorch 창이 {at}에 이 단계의 코드를 다르게 저장했습니다. "
        "내 코드로 덮어쓸까요? ('아니요'를 고르면 그쪽 코드를 불러오고, "
        "Ctrl+Z로 내 코드를 되돌릴 수 있습니다. Tab으로 고르고 Enter)",
        "conflict_open": "다른 studytorch 창이 이 단계의 코드를 다르게 저장했습니다",
        "ask_quit": "이 단계에서 편집한 코드를 저장하지 못했습니다: {reason} "
        "그래도 종료할까요? 저장하지 않은 코드는 사라집니다. (Ctrl+Q를 한 번 더 눌러도 종료됩니다)",
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
