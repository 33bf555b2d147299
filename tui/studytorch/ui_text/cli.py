"""The words of the command line, its reports, the exports and the store's notices (en/ko)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- the progress database (store.py notices) ------------------------------------------
    "store.empty": {
        "en": "Your progress database at {path} was empty (0 bytes), so studytorch moved it to "
        "{moved} and started a fresh one; earlier progress is not in it.",
        "ko": "{path}의 진행 기록 데이터베이스가 비어 있어(0바이트) {moved}에 옮겨 두고 새로 "
        "만들었습니다. 이전 진행 기록은 새 데이터베이스에 없습니다.",
    },
    "store.damaged": {
        "en": "Your progress database was damaged, so studytorch moved it to {moved} "
        "and started a fresh one.",
        "ko": "진행 기록 데이터베이스가 손상되어 새로 만들었습니다. "
        "손상된 파일은 {moved}에 옮겨 두었습니다.",
    },
    "store.newer": {
        "en": "Your progress database was made by a newer version of studytorch, so it was "
        "moved to {moved} and a fresh one was started; upgrade studytorch and move it back "
        "to get that progress again.",
        "ko": "진행 기록 데이터베이스가 더 새로운 버전의 studytorch로 만들어져 {moved}에 "
        "옮겨 두고 새로 만들었습니다. studytorch를 업데이트한 뒤 다시 옮겨 오면 그 기록을 "
        "되찾을 수 있습니다.",
    },
    "store.deleted": {
        "en": "Your progress database at {path} was deleted while studytorch was running, so "
        "studytorch now writes to a new one there; your current edit is saved in it.",
        "ko": "studytorch가 실행되는 동안 {path}의 진행 기록 데이터베이스가 삭제되어 그 자리에 "
        "새로 만들어 기록합니다. 지금 편집한 코드는 새 데이터베이스에 저장했습니다.",
    },
    "store.emptied": {
        "en": "Your progress database at {path} was emptied while studytorch was running, so "
        "studytorch now writes to a new one there; your current edit is saved in it.",
        "ko": "studytorch가 실행되는 동안 {path}의 진행 기록 데이터베이스가 비워져 그 자리에 "
        "새로 만들어 기록합니다. 지금 편집한 코드는 새 데이터베이스에 저장했습니다.",
    },
    "store.replaced": {
        "en": "Your progress database at {path} was replaced by another file while studytorch "
        "was running, so studytorch now writes to a new one there; your current edit is saved "
        "in it.",
        "ko": "studytorch가 실행되는 동안 {path}의 진행 기록 데이터베이스가 다른 파일로 바뀌어 "
        "그 자리에 새로 만들어 기록합니다. 지금 편집한 코드는 새 데이터베이스에 저장했습니다.",
    },
    "store.also": {"en": "{first} {then}", "ko": "{first} {then}"},
    # --- `studytorch run` and `check` reports (console.py) ----------------------------------
    "cli.timed_out": {
        "en": "! stopped after the {seconds:g} s timeout",
        "ko": "! 제한 시간 {seconds:g}초가 지나 멈췄습니다",
    },
    "cli.took": {"en": "{status} in {seconds:.3f} s", "ko": "{status} ({seconds:.3f}초)"},
    # How a run ended, as `cli.took` says it (the English is the kernel's own status word).
    "cli.status.ok": {"en": "ok", "ko": "완료"},
    "cli.status.error": {"en": "error", "ko": "에러"},
    "cli.status.interrupted": {"en": "interrupted", "ko": "중단됨"},
    "cli.status.timeout": {"en": "timeout", "ko": "시간 초과"},
    "cli.status.died": {"en": "died", "ko": "커널 종료됨"},
    "cli.status.restarted": {"en": "restarted", "ko": "커널 재시작"},
    # The tables `studytorch run` prints after the output.
    "cli.table.tensors": {"en": "tensors", "ko": "텐서"},
    "cli.table.name": {"en": "name", "ko": "이름"},
    "cli.table.parameter": {"en": "parameter", "ko": "파라미터"},
    "cli.table.grad_norm": {"en": "grad norm", "ko": "기울기 노름"},
    "cli.table.module": {
        "en": "{name}: {type} ({total:,} parameters)",
        "ko": "{name}: {type} (파라미터 {total:,}개)",
    },
    "cli.table.group": {"en": "lr={lr} ({count} params)", "ko": "lr={lr} (파라미터 {count}개)"},
    "cli.yes": {"en": "yes", "ko": "예"},
    "cli.no": {"en": "no", "ko": "아니요"},
    "cli.check.lesson": {"en": "lesson", "ko": "레슨"},
    "cli.check.step": {"en": "step", "ko": "단계"},
    "cli.check.result": {"en": "result", "ko": "결과"},
    "cli.check.wrong": {"en": "wrong", "ko": "오답"},
    "cli.check.detail": {"en": "detail", "ko": "내용"},
    "cli.check.pass": {"en": "pass", "ko": "통과"},
    "cli.check.fail": {"en": "FAIL", "ko": "실패"},
    "cli.check.total": {
        "en": "{passed} passed, {failed} failed",
        "ko": "통과 {passed}, 실패 {failed}",
    },
    "cli.skipped": {"en": "skipped", "ko": "건너뜀:"},
    "cli.no_lesson": {"en": "no lesson {names}", "ko": "없는 레슨: {names}"},
    "cli.cannot_read": {
        "en": "cannot read {path}: {error}",
        "ko": "{path:을/를} 읽을 수 없습니다: {error}",
    },
    "cli.due": {"en": "{count} due", "ko": "복습할 카드 {count}장"},
    # --- `studytorch doctor` (console.doctor) -----------------------------------------------
    "cli.doctor.app_python": {"en": "app Python", "ko": "앱 Python"},
    "cli.doctor.kernel_python": {"en": "kernel Python", "ko": "커널 Python"},
    "cli.doctor.kernel": {"en": "kernel", "ko": "커널"},
    "cli.doctor.failed": {"en": "FAILED: {why}", "ko": "실패: {why}"},
    "cli.doctor.kernel_version": {"en": "kernel Python version", "ko": "커널 Python 버전"},
    "cli.doctor.gpus": {"en": "yes: {devices}", "ko": "예: {devices}"},
    "cli.doctor.no_gpu": {"en": "none", "ko": "없음"},
    "cli.doctor.device": {"en": "device", "ko": "장치"},
    "cli.doctor.device_auto": {"en": "device (auto)", "ko": "장치 (auto)"},
    "cli.doctor.data": {"en": "data", "ko": "데이터"},
    "cli.doctor.database": {"en": "progress database", "ko": "진행 기록 데이터베이스"},
    "cli.doctor.logs": {"en": "kernel logs", "ko": "커널 로그"},
    "cli.doctor.builtin": {"en": "built-in lessons", "ko": "기본 레슨"},
    "cli.doctor.user": {"en": "your lessons", "ko": "내 레슨"},
    # --- why a file cannot be read (files.py) ----------------------------------------------
    "file.missing": {"en": "no such file", "ko": "그런 파일이 없습니다"},
    "file.folder": {"en": "that is a folder, not a file", "ko": "파일이 아니라 폴더입니다"},
    "file.pipe": {
        "en": "that is a pipe (FIFO), not a file",
        "ko": "파일이 아니라 파이프(FIFO)입니다",
    },
    "file.device": {"en": "that is a device, not a file", "ko": "파일이 아니라 장치입니다"},
    "file.socket": {"en": "that is a socket, not a file", "ko": "파일이 아니라 소켓입니다"},
    "file.too_big": {
        "en": "the file is {size}; at most {limit}",
        "ko": "파일 크기가 {size}입니다. 최대 크기는 {limit}입니다",
    },
    "file.grew": {
        "en": "the file is larger than {limit}",
        "ko": "파일 크기가 최대 크기 {limit}보다 큽니다",
    },
    "file.not_utf8": {
        "en": "not valid UTF-8 (line {line})",
        "ko": "올바른 UTF-8이 아닙니다({line}번째 줄)",
    },
    "file.os_error": {"en": "{reason}", "ko": "{reason}"},
    "cli.out_not_folder": {
        "en": "--out {path} is a file, not a folder",
        "ko": "--out에 준 {path:은/는} 폴더가 아니라 파일입니다",
    },
    # --- exports (export.py) ----------------------------------------------------------------
    "export.output": {"en": "Output of your last run", "ko": "마지막 실행 결과"},
    "export.older": {"en": "an earlier version of this code", "ko": "이 코드의 예전 버전"},
    "export.cards": {"en": "Review cards", "ko": "복습 카드"},
    "export.why": {"en": "Why", "ko": "이유"},
}
