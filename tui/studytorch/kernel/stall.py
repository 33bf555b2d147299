"""A kernel alive but deaf: its event loop no longer runs, and a run would wait forever.

A snippet can break the kernel's own machinery (replace something ipykernel uses) without
ending the process, so the liveness watch (the process is there) sees nothing wrong. During a
run the session asks the kernel on its control channel, which answers even while a snippet
computes; a kernel that neither answers nor uses any CPU is stalled.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

from studytorch.notice import Notice

CHECK_S = 2.0
"""During a run, how often the kernel is asked whether it still runs."""
ANSWER_S = 3.0
"""How long it may take to answer before its CPU time is looked at."""
IDLE_CPU_S = 0.2
"""A kernel that used less CPU than this while not answering is stalled, not computing."""
REASON = Notice("kernel.stalled")
"""How a stalled kernel's death is told (the catalogue has the words)."""


async def stalled(kc: Any, pid: int) -> bool:
    """Wait until the kernel `pid` is stalled (True); runs until cancelled otherwise.

    A snippet holding the GIL in C code (`sum(range(10**10))`) keeps the control thread from
    answering too, but uses CPU all the while: only a deaf *and* idle kernel counts."""
    cpu = cpu_seconds(pid)
    while True:
        await asyncio.sleep(CHECK_S)
        if await answers(kc, ANSWER_S):
            cpu = cpu_seconds(pid)
            continue
        now = cpu_seconds(pid)
        if now is None or cpu is None or now - cpu > IDLE_CPU_S:
            cpu = now
            continue
        return True


async def answers(kc: Any, timeout: float) -> bool:
    """Whether the kernel replies to a kernel_info request on its control channel in time."""
    if kc is None:
        return True
    msg = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(msg)
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            reply = await kc.control_channel.get_msg(timeout=left)
        except Exception:  # queue.Empty: no answer in time
            return False
        if reply.get("parent_header", {}).get("msg_id") == msg["header"]["msg_id"]:
            return True
    return False


def cpu_seconds(pid: int) -> float | None:
    """CPU time the process has used (all its threads); None where /proc cannot say."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
