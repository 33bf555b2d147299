"""The words for what the kernel, a check and the course proof report (en/ko), by key."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- why a kernel stopped (kernel/session.py: Died, Restarted, KernelError) ------------
    "kernel.unresponsive": {
        "en": "the kernel stopped answering",
        "ko": "커널이 응답하지 않습니다",
    },
    "kernel.crashed": {
        "en": "the kernel crashed: {signal}",
        "ko": "커널이 비정상 종료됐습니다: {signal}",
    },
    "kernel.crashed_because": {
        "en": "the kernel crashed: {signal} ({why})",
        "ko": "커널이 비정상 종료됐습니다: {signal} ({why})",
    },
    "signal.SIGSEGV": {
        "en": "a native crash (segmentation fault), usually a bad pointer in C code",
        "ko": "네이티브 코드 충돌(segmentation fault), 대개 C 코드의 잘못된 포인터",
    },
    "signal.SIGKILL": {
        "en": "killed from outside; often the system ran out of memory",
        "ko": "외부에서 강제 종료됨, 흔히 메모리 부족",
    },
    "signal.SIGABRT": {"en": "a native library aborted", "ko": "네이티브 라이브러리가 abort됨"},
    "signal.SIGBUS": {"en": "a native crash (bus error)", "ko": "네이티브 코드 충돌(bus error)"},
    "signal.SIGTERM": {"en": "asked to stop from outside", "ko": "외부에서 종료를 요청함"},
    "kernel.exited": {
        "en": "the kernel exited with code {code} (the snippet or a library ended the process)",
        "ko": "커널이 종료 코드 {code:으로/로} 끝났습니다 "
        "(코드나 라이브러리가 프로세스를 끝냈습니다)",
    },
    "kernel.stalled": {
        "en": "the kernel stopped answering while its process was still there: its event loop "
        "no longer runs (a snippet can do this by replacing something the kernel itself uses), "
        "so it was stopped",
        "ko": "커널 프로세스는 남아 있지만 응답하지 않습니다. 이벤트 루프가 더 이상 돌지 않아 "
        "(코드가 커널이 쓰는 것을 바꾸면 이렇게 됩니다) 커널을 멈췄습니다",
    },
    "kernel.heartbeat": {
        "en": "the attached kernel stopped answering its heartbeat",
        "ko": "연결한 커널이 heartbeat에 응답하지 않습니다",
    },
    "kernel.stopped": {"en": "the kernel was stopped", "ko": "커널을 멈췄습니다"},
    "kernel.had_stopped": {"en": "the kernel had stopped", "ko": "커널이 멈춰 있었습니다"},
    "kernel.fresh": {
        "en": "{why}; started a fresh kernel (earlier variables are gone)",
        "ko": "{why}. 새 커널을 시작했습니다 (이전 변수는 사라졌습니다)",
    },
    "kernel.restarted": {"en": "restarted", "ko": "커널을 다시 시작했습니다"},
    "kernel.ignored_interrupt": {
        "en": "the snippet ignored the interrupt for {seconds} s, so the kernel was restarted "
        "(earlier variables are gone)",
        "ko": "코드가 {seconds}초 동안 중단 요청에 응하지 않아 커널을 다시 시작했습니다 "
        "(이전 변수는 사라졌습니다)",
    },
    "kernel.not_started": {"en": "the kernel is not started", "ko": "커널이 시작되지 않았습니다"},
    "kernel.no_start": {
        "en": "the kernel did not start: {why}",
        "ko": "커널이 시작되지 않았습니다: {why}",
    },
    "kernel.no_answer": {
        "en": "the kernel did not answer: {error}",
        "ko": "커널이 응답하지 않았습니다: {error}",
    },
    "kernel.no_ipykernel": {
        "en": "{python} has no ipykernel. Install it there with:\n"
        "  {python} -m pip install ipykernel",
        "ko": "{python}에는 ipykernel이 없습니다. 다음 명령으로 설치하세요:\n"
        "  {python} -m pip install ipykernel",
    },
    "kernel.no_torch": {
        "en": "torch is not installed for {python}. Install it there, e.g.:\n"
        "  {python} -m pip install torch",
        "ko": "{python}에는 torch가 설치되어 있지 않습니다. 예를 들어 다음처럼 설치하세요:\n"
        "  {python} -m pip install torch",
    },
    "kernel.warm_up_failed": {
        "en": "warm-up failed: {error}",
        "ko": "커널 준비에 실패했습니다: {error}",
    },
    "kernel.probe_error": {"en": "{error}", "ko": "{error}"},
    "kernel.probe_silent": {
        "en": "the probe did not report",
        "ko": "프로브가 아무것도 알려 주지 않았습니다",
    },
    "kernel.no_python": {
        "en": "no Python interpreter at {python}",
        "ko": "{python}에 Python 인터프리터가 없습니다",
    },
    "kernel.cannot_start": {
        "en": "cannot start {python}: {error}",
        "ko": "{python:을/를} 시작할 수 없습니다: {error}",
    },
    "kernel.no_connection_file": {
        "en": "no connection file at {path}",
        "ko": "{path}에 연결 파일이 없습니다",
    },
    "kernel.bad_connection_file": {
        "en": "{path} is not a kernel connection file: {error}",
        "ko": "{path:은/는} 커널 연결 파일이 아닙니다: {error}",
    },
    "kernel.attached_no_restart": {
        "en": "an attached kernel (--existing) cannot be restarted from here",
        "ko": "연결한 커널(--existing)은 여기서 다시 시작할 수 없습니다",
    },
    # --- a check's verdict (course/runner.py) -----------------------------------------------
    "check.author": {"en": "{en}", "ko": "{ko}"},
    "check.undefined": {
        "en": "the snippet did not define {name}",
        "ko": "코드에서 `{name}` 이름을 정의하지 않았습니다",
    },
    "check.raised": {"en": "{error}", "ko": "검사 중 오류가 났습니다: {error}"},
    "check.tampered": {
        "en": "the snippet replaced {names}, so its check cannot be trusted: "
        "remove that line and run again",
        "ko": "코드가 {names} 함수를 바꿔서 이 검사를 믿을 수 없습니다. "
        "그 줄을 지우고 다시 실행하세요",
    },
    "check.no_result": {
        "en": "the check did not report a result",
        "ko": "검사 결과가 없습니다",
    },
    "check.timed_out": {
        "en": "the check timed out after {seconds:g} s",
        "ko": "검사가 {seconds:g}초 안에 끝나지 않았습니다",
    },
    "check.run_failed": {"en": "{type}: {message}", "ko": "{type}: {message}"},
    # --- the course proof (`studytorch check`, course/checker.py) ---------------------------
    "proof.timed_out": {"en": "timed out after {seconds:g} s", "ko": "{seconds:g}초 제한 초과"},
    "proof.solution_fails": {
        "en": "the solution does not pass: {why}",
        "ko": "정답 코드가 통과하지 못합니다: {why}",
    },
    "proof.starter_fails": {
        "en": "the starter does not pass: {why}",
        "ko": "시작 코드가 통과하지 못합니다: {why}",
    },
    "proof.runs": {"en": "runs", "ko": "실행됨"},
    "proof.starter_passes": {
        "en": "the starter already passes the check; the exercise teaches nothing",
        "ko": "시작 코드가 이미 검사를 통과합니다. 연습할 것이 없습니다",
    },
    "proof.proven": {"en": "solution passes, starter fails", "ko": "정답은 통과, 시작 코드는 실패"},
    "proof.proven_wrong": {
        "en": "solution passes, starter fails, {count} wrong answers rejected",
        "ko": "정답은 통과, 시작 코드는 실패, 오답 {count}개 모두 거부",
    },
    "proof.proven_one_wrong": {
        "en": "solution passes, starter fails, 1 wrong answer rejected",
        "ko": "정답은 통과, 시작 코드는 실패, 오답 1개 거부",
    },
    "proof.wrong_answers": {"en": "{faults}", "ko": "{faults}"},
    "proof.wrong_passes": {
        "en": "{name} passes the check (it should fail: {reason})",
        "ko": "{name} 코드가 검사를 통과합니다 (실패해야 합니다: {reason})",
    },
    "proof.wrong_fails_else": {
        "en": "{name} fails with {said!r}, not with {reason!r}",
        "ko": "{name} 코드가 {reason!r} 대신 {said!r} 메시지로 실패합니다",
    },
    "proof.kernel_lost": {
        "en": "kernel {number} did not start ({why}); the others went on",
        "ko": "커널 {number}번이 시작되지 않았습니다({why}). 나머지 커널로 계속했습니다",
    },
    "proof.card_fails": {
        "en": "the card's code fails: {error}",
        "ko": "카드의 코드가 실패합니다: {error}",
    },
    "proof.card_wrong": {
        "en": "prints {printed!r}, the card says {answer!r}",
        "ko": "{printed!r:을/를} 출력하지만 카드의 답은 {answer!r}입니다",
    },
    "proof.card_right": {"en": "prints {answer}", "ko": "{answer} 출력"},
}
