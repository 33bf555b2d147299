"""The words of the app's screens, panes, status line and keys (en/ko), by key."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- the lesson screen ----------------------------------------------------------------
    "step": {"en": "step", "ko": "단계"},
    "running": {"en": "▶ running…", "ko": "▶ 실행 중…"},
    "done": {"en": "done", "ko": "완료"},
    "waiting": {
        "en": "▶ waiting for the kernel to warm up (torch is loading)…",
        "ko": "▶ 커널 준비를 기다리는 중 (torch 불러오는 중)…",
    },
    "passed": {"en": "✓ Check passed", "ko": "✓ 검사 통과"},
    "failed": {"en": "✗ Check failed: ", "ko": "✗ 검사 실패: "},
    "busy": {"en": "Already running: F8 interrupts.", "ko": "이미 실행 중입니다. F8로 중단하세요."},
    "note_cut": {
        "en": "[{kb} kB more of this note are not shown: a note this long cannot be drawn "
        "quickly; read the rest in the lesson's file]",
        "ko": "[이 설명의 나머지 {kb} kB는 보여 주지 않습니다. 너무 길어서 빨리 그릴 수 "
        "없으니 나머지는 레슨 파일에서 읽으세요]",
    },
    "queued": {
        "en": "The stopped run is still ending (a run that ignores the stop gets a fresh kernel "
        "within 3 s); this run starts right after it.",
        "ko": "중단한 실행이 아직 끝나는 중입니다 (중단을 무시하면 3초 안에 커널을 새로 "
        "시작합니다). 끝나는 대로 이번 실행을 시작합니다.",
    },
    "hint": {"en": "Hint", "ko": "힌트"},
    "no_hint": {"en": "This step has no hints.", "ko": "이 단계에는 힌트가 없습니다."},
    "no_more": {"en": "No more hints.", "ko": "힌트를 모두 보았습니다."},
    "no_solution": {
        "en": "This step has no solution to show.",
        "ko": "이 단계에는 보여 줄 정답이 없습니다.",
    },
    "ask_solution": {
        "en": "Replace your snippet with the solution? (Ctrl+Z undoes it.)",
        "ko": "지금 코드를 정답으로 바꿀까요? (Ctrl+Z로 되돌릴 수 있습니다)",
    },
    "ask_reset": {
        "en": "Reset the snippet to the starter code? (Ctrl+Z undoes it.)",
        "ko": "코드를 처음 상태로 되돌릴까요? (Ctrl+Z로 되돌릴 수 있습니다)",
    },
    "ask_next_lesson": {
        "en": "That was the last step of this lesson. Go on to “{title}”?",
        "ko": "이 레슨의 마지막 단계였습니다. 다음 레슨으로 넘어갈까요? “{title}”",
    },
    "at_line": {"en": "at line {line}", "ko": "{line}번째 줄"},
    "cut": {"en": "characters of output were not shown", "ko": "글자의 출력은 생략했습니다"},
    "lines_cut": {
        "en": "… {count:,} lines cut here (the start and the end are kept) …",
        "ko": "… 여기서 {count:,}줄 생략 (앞부분과 끝부분만 남깁니다) …",
    },
    "line_cut": {
        "en": " … {count:,} more characters on this line (all of it is in the run history)",
        "ko": " … 이 줄의 나머지 {count:,}글자 생략 (전체는 실행 기록에 있습니다)",
    },
    "interrupt_none": {"en": "Nothing is running.", "ko": "실행 중인 코드가 없습니다."},
    "no_devices": {
        "en": "Only the CPU is available to this kernel.",
        "ko": "이 커널에서는 CPU만 쓸 수 있습니다.",
    },
    "device": {"en": "Switching to device", "ko": "장치를 바꿉니다"},
    "last": {
        "en": "This is the last step of the last lesson. Ctrl+O goes back to the lessons.",
        "ko": "마지막 레슨의 마지막 단계입니다. Ctrl+O로 레슨 목록에 돌아갑니다.",
    },
    "first": {"en": "This is the first step.", "ko": "첫 번째 단계입니다."},
    "gpu_broken": {
        "en": "The GPU hit an error it cannot recover from in this kernel: "
        "F9 restarts the kernel (your snippet stays).",
        "ko": "GPU에서 이 커널로는 복구할 수 없는 오류가 났습니다. "
        "F9로 커널을 다시 시작하세요(코드는 그대로 남습니다).",
    },
    "too_big": {
        "en": "This snippet is too big to run here ({lines:,} lines, {kb:,} KB; "
        "the limit is {max_lines:,} lines or {max_kb:,} KB). Use `studytorch run FILE.py`.",
        "ko": "여기서 실행하기에는 코드가 너무 큽니다({lines:,}줄, {kb:,}KB, "
        "한도는 {max_lines:,}줄 또는 {max_kb:,}KB). `studytorch run FILE.py`를 쓰세요.",
    },
    "edit_kept": {
        "en": "Your edit is still in the editor.",
        "ko": "고친 코드는 편집기에 그대로 있습니다.",
    },
    "our_bug": {"en": "! studytorch failed here", "ko": "! studytorch 내부 오류"},
    "status.ok": {"en": "done", "ko": "완료"},
    "status.error": {"en": "error", "ko": "에러"},
    "status.interrupted": {"en": "stopped", "ko": "중단됨"},
    "status.timeout": {"en": "timed out", "ko": "시간 초과"},
    "status.died": {"en": "kernel died", "ko": "커널 종료됨"},
    "status.restarted": {"en": "kernel restarted", "ko": "커널 재시작"},
    # --- the results tabs -----------------------------------------------------------------
    "tab.note": {"en": "Note", "ko": "설명"},
    "tab.output": {"en": "Output", "ko": "출력"},
    "tab.tensors": {"en": "Tensors", "ko": "텐서"},
    "tab.curve": {"en": "Curve", "ko": "곡선"},
    "tab.batches": {"en": "Batches", "ko": "배치"},
    "tab.model": {"en": "Model", "ko": "모델"},
    # --- the tensors pane -----------------------------------------------------------------
    "tensors.name": {"en": "name", "ko": "이름"},
    "tensors.value": {"en": "value", "ko": "값"},
    "tensors.none": {
        "en": "No tensors yet: run the snippet (F5).",
        "ko": "아직 텐서가 없습니다. 코드를 실행하세요(F5).",
    },
    "tensors.norm": {"en": "norm", "ko": "노름"},
    "tensors.none_in_run": {
        "en": "This run left no tensor at the top level (tensors inside functions are not kept).",
        "ko": "이번 실행은 맨 바깥에 텐서를 남기지 않았습니다(함수 안의 텐서는 남지 않습니다).",
    },
    "tensors.running": {
        "en": "Running: the tensors appear when the run ends.",
        "ko": "실행 중입니다. 실행이 끝나면 텐서가 나타납니다.",
    },
    "tensors.uninitialized": {
        "en": "not initialised yet (a lazy layer: its first call sets the shape)",
        "ko": "아직 초기화되지 않음(지연 레이어: 첫 호출이 모양을 정합니다)",
    },
    "tensors.unavailable": {"en": "cannot be shown: {reason}", "ko": "보여 줄 수 없음: {reason}"},
    "tensors.no_grad_yet": {"en": "none yet", "ko": "아직 없음"},
    "tensors.elements": {"en": "({count:,} elements)", "ko": "(원소 {count:,}개)"},
    "tensors.leaf": {"en": "(leaf)", "ko": "(리프)"},
    "tensors.contiguous": {"en": "contiguous", "ko": "연속"},
    "tensors.not_contiguous": {"en": "NOT contiguous", "ko": "비연속"},
    "tensors.shares": {"en": "shares memory", "ko": "메모리 공유"},
    "tensors.stats": {"en": "stats", "ko": "통계"},
    "tensors.min": {"en": "min", "ko": "최소"},
    "tensors.max": {"en": "max", "ko": "최대"},
    "tensors.mean": {"en": "mean", "ko": "평균"},
    "tensors.std": {"en": "std", "ko": "표준편차"},
    "tensors.sampled": {"en": "(sampled)", "ko": "(일부 표본)"},
    "graph.title": {"en": "autograd graph of {name}", "ko": "{name}의 autograd 그래프"},
    "graph.seen": {"en": "(shown above)", "ko": "(위에 나옴)"},
    "graph.cut": {"en": "… (graph cut at 60 nodes)", "ko": "… (노드 60개에서 잘랐습니다)"},
    # --- the model pane -------------------------------------------------------------------
    "model.parameters": {
        "en": "{total:,} parameters ({trainable:,} trainable)",
        "ko": "파라미터 {total:,}개 (학습 대상 {trainable:,}개)",
    },
    "model.no_parameters": {"en": "no parameters", "ko": "파라미터 없음"},
    "model.lazy": {
        "en": "{count} parameters not initialised yet (the first call sets their shapes)",
        "ko": "아직 초기화되지 않은 파라미터 {count}개(첫 호출이 모양을 정합니다)",
    },
    "model.lazy_shape": {"en": "not set yet", "ko": "아직 없음"},
    "model.train": {"en": "train mode", "ko": "학습 모드"},
    "model.eval": {"en": "eval mode", "ko": "평가 모드"},
    "model.parameter": {"en": "parameter", "ko": "파라미터"},
    "model.grad_norm": {"en": "grad norm", "ko": "기울기 노름"},
    "model.last_run": {"en": "last run", "ko": "지난 실행"},
    "model.frozen": {"en": "(frozen)", "ko": "(고정)"},
    "model.tensors": {"en": "{count} tensors", "ko": "텐서 {count}개"},
    # --- the curve pane -------------------------------------------------------------------
    "curve.steps": {"en": "({count:,} steps)", "ko": "({count:,}스텝)"},
    "curve.one_step": {"en": "(1 step)", "ko": "(1스텝)"},
    "curve.more": {"en": "+{count:,} more series", "ko": "계열 {count:,}개 더"},
    "curve.markers": {
        "en": "▲inf ▼-inf ×nan: values that are not finite, at the edge",
        "ko": "▲inf ▼-inf ×nan: 유한하지 않은 값은 가장자리에 표시",
    },
    "pane.failed": {
        "en": "! this pane could not be drawn ({reason}); the rest of the run is shown",
        "ko": "! 이 창을 그리지 못했습니다({reason}). 실행의 나머지는 그대로 보입니다",
    },
    "curve.empty": {
        "en": "no metrics yet: assign `loss` in a loop, or call track(name, value)",
        "ko": "아직 지표가 없습니다. 반복문에서 `loss`에 대입하거나 track(name, value)를 부르세요",
    },
    "curve.step": {"en": "step", "ko": "스텝"},
    "curve.earlier": {"en": "run {age} before", "ko": "{age}번 전 실행"},
    "curve.log": {"en": "log scale", "ko": "로그 눈금"},
    "curve.cleared": {"en": "Earlier runs cleared.", "ko": "이전 실행을 지웠습니다."},
    "curve.keys": {
        "en": "c clears earlier runs · l log scale",
        "ko": "c 이전 실행 지우기 · l 로그 눈금",
    },
    # --- the batches pane -----------------------------------------------------------------
    "batches.unknown": {
        "en": "indices unknown (num_workers > 0)",
        "ko": "인덱스를 알 수 없음 (num_workers > 0)",
    },
    "batches.where": {"en": "epoch {epoch} · batch {batch}", "ko": "에포크 {epoch} · 배치 {batch}"},
    "batches.none": {
        "en": "This run iterated no DataLoader.",
        "ko": "이번 실행은 DataLoader를 돌지 않았습니다.",
    },
    # --- the status line ------------------------------------------------------------------
    "kernel": {"en": "kernel", "ko": "커널"},
    "last_run": {"en": "last run", "ko": "마지막 실행"},
    "state.starting": {"en": "starting", "ko": "시작 중"},
    "state.warming": {"en": "warming up (torch is loading)", "ko": "준비 중 (torch 불러오는 중)"},
    "state.ready": {"en": "ready", "ko": "준비됨"},
    "state.busy": {"en": "running", "ko": "실행 중"},
    "state.dead": {"en": "dead", "ko": "멈춤"},
    "state.stopped": {"en": "stopped", "ko": "종료됨"},
    "f9_restarts": {"en": "F9 restarts", "ko": "F9로 다시 시작"},
    # --- the home screen ------------------------------------------------------------------
    "home.title": {
        "en": "PyTorch basics, one runnable step at a time",
        "ko": "실행하며 배우는 PyTorch 기초",
    },
    "home.resume": {"en": "Continue", "ko": "이어서 하기"},
    "home.all_done": {"en": "Every lesson is done", "ko": "모든 레슨을 마쳤습니다"},
    "home.broken": {
        "en": "Lessons that could not be loaded (fixed ones are read again when you come back "
        "here from a lesson):",
        "ko": "불러오지 못한 레슨 (고친 레슨은 레슨 화면에서 이 목록으로 돌아올 때 다시 읽습니다):",
    },
    "home.empty": {"en": "No lessons found.", "ko": "레슨이 없습니다."},
    "home.loading": {"en": "Reading the lessons…", "ko": "레슨을 읽는 중…"},
    "home.yours": {"en": "(yours)", "ko": "(직접 만든 레슨)"},
    # --- the app --------------------------------------------------------------------------
    "app.broken_lessons": {
        "en": "{count} lesson(s) could not be loaded; see the list on the home screen.",
        "ko": "레슨 {count}개를 불러오지 못했습니다. 첫 화면의 목록을 보세요.",
    },
    "app.no_lesson": {"en": "No lesson {name!r}.", "ko": "{name!r} 레슨이 없습니다."},
    "app.kernel_failed": {"en": "The kernel did not start", "ko": "커널이 시작되지 않았습니다"},
    # --- faults: damaged review rows, unrecorded runs -----------------------------------------
    "store.set_aside": {
        "en": "{n} review card(s) had a damaged schedule and start again as new cards (the old "
        "rows are kept in the table review_set_aside): {cards}",
        "ko": "복습 카드 {n}장의 일정 기록이 손상되어 새 카드로 다시 시작합니다 (예전 기록은 "
        "review_set_aside 표에 남아 있습니다): {cards}",
    },
    "store.run_not_recorded": {
        "en": "This run was not recorded in your history: {reason}",
        "ko": "이번 실행은 기록에 남지 않았습니다: {reason}",
    },
    # --- confirm and help -----------------------------------------------------------------
    "yes": {"en": "Yes (y)", "ko": "예 (y)"},
    "no": {"en": "No (n)", "ko": "아니요 (n)"},
    "help.title": {"en": "Keys (Esc closes)", "ko": "단축키 (Esc로 닫기)"},
    "help.key": {"en": "key", "ko": "키"},
    "help.does": {"en": "does", "ko": "기능"},
    "help.where": {"en": "where", "ko": "위치"},
    "where.Lesson": {"en": "lesson", "ko": "레슨"},
    "where.Home": {"en": "lessons list", "ko": "레슨 목록"},
    "where.app": {"en": "everywhere", "ko": "어디서나"},
    "where.editor": {"en": "editor", "ko": "편집기"},
    "where.curve": {"en": "curve", "ko": "곡선"},
    # --- key labels: key.ACTION is the footer's word, keyhelp.ACTION the help's longer one --
    "key.run": {"en": "Run", "ko": "실행"},
    "key.interrupt": {"en": "Stop", "ko": "중단"},
    "keyhelp.interrupt": {"en": "Interrupt the run", "ko": "실행 중단"},
    "key.restart": {"en": "Restart kernel", "ko": "커널 재시작"},
    "key.next_step": {"en": "Next", "ko": "다음"},
    "keyhelp.next_step": {
        "en": "Next step (from the last one: the next lesson)",
        "ko": "다음 단계 (마지막 단계에서는 다음 레슨)",
    },
    "key.previous_step": {"en": "Previous step", "ko": "이전 단계"},
    "key.hint": {"en": "Hint", "ko": "힌트"},
    "keyhelp.hint": {"en": "Show the next hint", "ko": "다음 힌트 보기"},
    "key.solution": {"en": "Solution", "ko": "정답"},
    "keyhelp.solution": {"en": "Show the solution (asks)", "ko": "정답 보기 (먼저 묻습니다)"},
    "key.reset": {"en": "Reset snippet", "ko": "코드 초기화"},
    "key.next_tab": {"en": "Pane", "ko": "창"},
    "key.zoom_results": {"en": "Zoom", "ko": "크게"},
    "keyhelp.zoom_results": {
        "en": "Give the pane in front the whole lower area (again: the editor comes back)",
        "ko": "앞의 창이 아래 영역 전체를 쓰게 합니다(다시 누르면 편집기가 돌아옵니다)",
    },
    "keyhelp.next_tab": {
        "en": "Next pane: note, output, tensors…",
        "ko": "다음 창: 설명, 출력, 텐서…",
    },
    "key.toggle_note": {"en": "Note", "ko": "설명"},
    "keyhelp.toggle_note": {
        "en": "Fold the note away or bring it back",
        "ko": "설명 접기/펼치기",
    },
    "key.switch_device": {"en": "Switch device", "ko": "장치 바꾸기"},
    "key.back": {"en": "Lessons", "ko": "레슨 목록"},
    "keyhelp.back": {
        "en": "Back to the lessons (reads the lessons folder again)",
        "ko": "레슨 목록으로 (레슨 폴더를 다시 읽습니다)",
    },
    "key.focus_editor": {
        "en": "Editor ⇄ panes (then Tab, arrows)",
        "ko": "편집기 ⇄ 창 (그다음 Tab, 화살표)",
    },
    "key.app.help": {"en": "Help (outside the editor)", "ko": "도움말 (편집기 밖에서)"},
    "key.quit": {"en": "Quit", "ko": "끝내기"},
    "key.help": {"en": "Help", "ko": "도움말"},
    "key.toggle_language": {"en": "한/En", "ko": "한/En"},
    "keyhelp.toggle_language": {"en": "Korean / English", "ko": "한국어/영어 전환"},
    "key.open": {"en": "Open", "ko": "열기"},
    "key.dismiss": {"en": "Close", "ko": "닫기"},
    "key.answer(True)": {"en": "Yes", "ko": "예"},
    "key.answer(False)": {"en": "No", "ko": "아니요"},
    "key.snippet_start": {"en": "Start of the snippet", "ko": "코드 맨 앞으로"},
    "app.lessons_unreadable": {
        "en": "The lessons could not be read",
        "ko": "레슨을 읽지 못했습니다",
    },
    "home.review": {
        "en": "Review: {n} card(s) due, press R",
        "ko": "복습할 카드가 {n}장 있습니다. R을 누르면 시작합니다",
    },
    "home.review_none": {
        "en": "Review: nothing due (R opens it anyway)",
        "ko": "복습: 지금은 복습할 카드가 없습니다 (R로 열 수 있습니다)",
    },
    # saving edits (a failed save, a second studytorch on the same data)
    "save_failed": {
        "en": "Your edit was not saved: {reason} It is still in the editor; "
        "studytorch tries again as you type, run or move.",
        "ko": "편집한 코드를 저장하지 못했습니다: {reason} 코드는 편집기에 그대로 있고, "
        "입력하거나 실행하거나 단계를 옮길 때 다시 저장합니다.",
    },
    "stay": {
        "en": "Staying on this step until your edit is saved.",
        "ko": "코드가 저장될 때까지 이 단계에 머뭅니다.",
    },
    "conflict": {
        "en": "Another studytorch window saved a different version of this step at {at}. "
        "Keep yours and overwrite it? (No loads theirs; Ctrl+Z brings yours back. Tab, Enter.)",
        "ko": "다른 studytorch 창이 {at}에 이 단계의 코드를 다르게 저장했습니다. "
        "내 코드로 덮어쓸까요? ('아니요'를 고르면 그쪽 코드를 불러오고, "
        "Ctrl+Z로 내 코드를 되돌릴 수 있습니다. Tab으로 고르고 Enter)",
    },
    "conflict_open": {
        "en": "another studytorch window saved a different version",
        "ko": "다른 studytorch 창이 이 단계의 코드를 다르게 저장했습니다",
    },
    "ask_quit": {
        "en": "Your edit of this step was not saved: {reason} "
        "Quit anyway and lose it? (Ctrl+Q again quits too.)",
        "ko": "이 단계에서 편집한 코드를 저장하지 못했습니다: {reason} "
        "그래도 종료할까요? 저장하지 않은 코드는 사라집니다. (Ctrl+Q를 한 번 더 눌러도 종료됩니다)",
    },
    # review, its stats and a step's run history
    "key.review": {"en": "Review", "ko": "복습"},
    "keyhelp.review": {"en": "Review cards (spaced repetition)", "ko": "카드 복습 (간격 반복)"},
    "key.reveal": {"en": "Answer", "ko": "답"},
    "keyhelp.reveal": {"en": "Show the answer", "ko": "답 보기"},
    "key.rate(1)": {"en": "Again", "ko": "다시"},
    "keyhelp.rate(1)": {"en": "Rate: forgot it", "ko": "평가: 다시 (잊었음)"},
    "key.rate(2)": {"en": "Hard", "ko": "어려움"},
    "keyhelp.rate(2)": {"en": "Rate: remembered with effort", "ko": "평가: 어렵게 기억함"},
    "key.rate(3)": {"en": "Good", "ko": "좋음"},
    "keyhelp.rate(3)": {"en": "Rate: remembered", "ko": "평가: 기억함"},
    "key.rate(4)": {"en": "Easy", "ko": "쉬움"},
    "keyhelp.rate(4)": {"en": "Rate: remembered easily", "ko": "평가: 쉽게 기억함"},
    "key.stats": {"en": "Stats", "ko": "통계"},
    "keyhelp.stats": {"en": "Review statistics", "ko": "복습 통계"},
    "key.close_stats": {"en": "Back", "ko": "돌아가기"},
    "key.close": {"en": "Back", "ko": "돌아가기"},
    "key.history": {"en": "Earlier runs", "ko": "실행 기록"},
    "keyhelp.history": {"en": "Earlier runs of this step", "ko": "이 단계의 이전 실행 보기"},
    "key.restore": {"en": "Restore code", "ko": "코드 복원"},
    "keyhelp.restore": {
        "en": "Put this run's code in the editor (undoable)",
        "ko": "이 실행의 코드를 편집기로 (되돌리기 가능)",
    },
    "key.whole_text": {"en": "Whole text", "ko": "전체 보기"},
    "keyhelp.whole_text": {
        "en": "The step's title and the status line in full (cut with … where they do not fit)",
        "ko": "단계 제목과 상태 줄을 끝까지 보기 (다 들어가지 않으면 …로 잘립니다)",
    },
    # the run history's verdicts and its filter (Ctrl+F, then p)
    "key.passing_only": {"en": "Passing only", "ko": "통과한 것만"},
    "keyhelp.passing_only": {
        "en": "Show only the runs that passed (again: every run)",
        "ko": "통과한 실행만 보기 (한 번 더 누르면 모두)",
    },
    "history.passed": {"en": "✓ passed", "ko": "✓ 통과"},
    "history.check_failed": {"en": "✗ check failed", "ko": "✗ 검사 실패"},
    "history.filtered": {
        "en": "passing runs only (p shows every run)",
        "ko": "통과한 실행만 보는 중 (p를 누르면 모두 보입니다)",
    },
    "history.none_passing": {
        "en": "No run of this step has passed yet.",
        "ko": "이 단계에서 통과한 실행이 아직 없습니다.",
    },
    "where.Review": {"en": "review", "ko": "복습"},
    "where.ReviewStats": {"en": "review stats", "ko": "복습 통계"},
    "where.RunHistory": {"en": "run history", "ko": "실행 기록"},
    # --- the editor's own keys (Textual's TextArea), listed by F1 ---------------------
    "key.cursor_up": {"en": "Cursor up", "ko": "커서 위로"},
    "key.cursor_down": {"en": "Cursor down", "ko": "커서 아래로"},
    "key.cursor_left": {"en": "Cursor left", "ko": "커서 왼쪽으로"},
    "key.cursor_right": {"en": "Cursor right", "ko": "커서 오른쪽으로"},
    "key.cursor_word_left": {"en": "Cursor word left", "ko": "한 단어 왼쪽으로"},
    "key.cursor_word_right": {"en": "Cursor word right", "ko": "한 단어 오른쪽으로"},
    "key.cursor_line_start": {"en": "Cursor line start", "ko": "줄 맨 앞으로"},
    "key.cursor_line_end": {"en": "Cursor line end", "ko": "줄 맨 끝으로"},
    "key.cursor_page_up": {"en": "Cursor page up", "ko": "한 화면 위로"},
    "key.cursor_page_down": {"en": "Cursor page down", "ko": "한 화면 아래로"},
    "key.cursor_word_left(True)": {"en": "Cursor left word select", "ko": "왼쪽 단어까지 선택"},
    "key.cursor_word_right(True)": {"en": "Cursor right word select", "ko": "오른쪽 단어까지 선택"},
    "key.cursor_line_start(True)": {"en": "Cursor line start select", "ko": "줄 맨 앞까지 선택"},
    "key.cursor_line_end(True)": {"en": "Cursor line end select", "ko": "줄 맨 끝까지 선택"},
    "key.cursor_up(True)": {"en": "Cursor up select", "ko": "위로 선택"},
    "key.cursor_down(True)": {"en": "Cursor down select", "ko": "아래로 선택"},
    "key.cursor_left(True)": {"en": "Cursor left select", "ko": "왼쪽으로 선택"},
    "key.cursor_right(True)": {"en": "Cursor right select", "ko": "오른쪽으로 선택"},
    "key.select_line": {"en": "Select line", "ko": "줄 선택"},
    "key.select_all": {"en": "Select all", "ko": "모두 선택"},
    "key.delete_left": {"en": "Delete character left", "ko": "왼쪽 글자 지우기"},
    "key.delete_word_left": {"en": "Delete left to start of word", "ko": "단어 앞까지 지우기"},
    "key.delete_right": {"en": "Delete character right", "ko": "오른쪽 글자 지우기"},
    "key.delete_word_right": {
        "en": "Delete right to start of word",
        "ko": "다음 단어 앞까지 지우기",
    },
    "key.cut": {"en": "Cut", "ko": "잘라내기"},
    "key.copy": {"en": "Copy", "ko": "복사"},
    "key.paste": {"en": "Paste", "ko": "붙여넣기"},
    "key.delete_to_start_of_line": {"en": "Delete to line start", "ko": "줄 맨 앞까지 지우기"},
    "key.delete_to_end_of_line_or_delete_line": {
        "en": "Delete to line end",
        "ko": "줄 끝까지 지우기",
    },
    "key.delete_line": {"en": "Delete line", "ko": "줄 지우기"},
    "key.undo": {"en": "Undo", "ko": "되돌리기"},
    "key.redo": {"en": "Redo", "ko": "다시 실행"},
    "key.snippet_end": {"en": "End of the snippet", "ko": "코드 맨 끝으로"},
    "key.clear_earlier": {"en": "Clear earlier runs", "ko": "이전 실행 지우기"},
    "key.toggle_log": {"en": "Log scale", "ko": "로그 눈금"},
}
