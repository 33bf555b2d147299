"""Devices and memory: CUDA missing, tensors on different devices, out of memory."""

from __future__ import annotations

import re
from typing import Any

from studytorch.explain.base import Error, family, operands, particle


@family("no_cuda_build", r"Torch not compiled with CUDA enabled")
def _no_cuda(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "This PyTorch is a CPU-only build, so `cuda` devices do not exist here. Write code that "
        "runs anywhere: `device = 'cuda' if torch.cuda.is_available() else 'cpu'` and "
        "`.to(device)` (studytorch defines `device` for you). For a GPU, install a CUDA build "
        "of torch from pytorch.org.",
        "이 PyTorch는 CPU 전용 빌드라서 `cuda` 장치가 없습니다. 어디서나 도는 코드로 쓰세요: "
        "`device = 'cuda' if torch.cuda.is_available() else 'cpu'`와 `.to(device)` "
        "(studytorch는 `device`를 미리 정해 줍니다). GPU를 쓰려면 pytorch.org에서 CUDA용 torch를 "
        "설치하세요.",
    )


@family("no_gpu_driver", r"Found no NVIDIA driver on your system|no CUDA GPUs are available", re.I)
def _no_driver(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "This torch supports CUDA, but no GPU is usable on this machine. Use "
        "`device = 'cuda' if torch.cuda.is_available() else 'cpu'` so the code falls back to "
        "the CPU.",
        "이 torch는 CUDA를 지원하지만 이 컴퓨터에는 쓸 수 있는 GPU가 없습니다. "
        "`device = 'cuda' if torch.cuda.is_available() else 'cpu'`로 CPU로 넘어가게 하세요.",
    )


def _devices_named(e: Error) -> tuple[str, str]:
    ops = operands(e)
    if len({op.get("device") for op in ops}) < 2:
        return _other_device(e, ops)
    where = ", ".join(f"{op['name']} is on {op['device']}" for op in ops)
    where_ko = ", ".join(f"{particle(op['name'], '은/는')} {op['device']} 장치" for op in ops)
    return f" Here {where}.", f" 여기서 {where_ko}에 있습니다."


def _other_device(e: Error, ops: list[dict[str, Any]]) -> tuple[str, str]:
    """One operand seen, the message names two devices: the other is a layer's weights or a
    tensor the line does not name."""
    pair = re.search(
        r"found at least two devices, ([\w:]+) and ([\w:]+)|"
        r"Tensor on device ([\w:]+) is not on the expected device ([\w:]+)",
        e.get("message", ""),
    )
    if not ops or not pair:
        return "", ""
    devices = [d for d in pair.groups() if d]
    op = ops[0]
    other = next((d for d in devices if d != op.get("device")), None)
    if other is None:
        return "", ""
    module = e.get("module")
    owner = f"the weights of `{module}` are" if module else "another tensor it uses is"
    owner_ko = f"`{module}`의 가중치는" if module else "함께 쓰인 다른 텐서는"
    return (
        f" Here {op['name']} is on {op['device']} and {owner} on {other}.",
        f" 여기서 {particle(op['name'], '은/는')} {op['device']} 장치에, {owner_ko} {other} 장치에 "
        "있습니다.",
    )


@family(
    "device_mismatch",
    r"Expected all tensors to be on the same device|is not on the expected device|"
    r"Expected .* to be on the same device|"
    r"Input type \((\S+)\) and weight type \((\S+)\) should be the same",
)
def _device(m: re.Match[str], e: Error) -> tuple[str, str]:
    named, named_ko = _devices_named(e)
    if m.group(1):
        gpu_input = "cuda" in m.group(1)
        moved = "the model is still on the CPU" if gpu_input else "the input is still on the CPU"
        moved_ko = "모델이 아직 CPU에 있습니다" if gpu_input else "입력이 아직 CPU에 있습니다"
        return (
            f"The input ({m.group(1)}) and the layer's weights ({m.group(2)}) are on different "
            f"devices: {moved}. Move both to the same device: `model.to(device)` and "
            "`x = x.to(device)` (for a DataLoader, inside the loop for every batch).",
            f"입력({m.group(1)}) 텐서와 레이어 가중치({m.group(2)})가 서로 다른 장치에 있습니다: "
            f"{moved_ko}. 둘 다 같은 장치로 옮기세요: `model.to(device)`와 `x = x.to(device)`"
            "(DataLoader라면 루프 안에서 배치마다).",
        )
    return (
        f"The tensors are on different devices; an operation needs all of them on the same "
        f"device.{named} Move them with `.to(device)` (and the model with `model.to(device)`; "
        "tensors made inside the loop need `device=device` too).",
        f"텐서들이 서로 다른 장치에 있습니다. 연산하려면 모두 같은 장치에 있어야 합니다."
        f"{named_ko} `.to(device)`로 옮기세요(모델은 `model.to(device)`, 루프 안에서 만드는 "
        "텐서에는 `device=device`도).",
    )


@family("gpu_assert", r"device-side assert triggered")
def _gpu_assert(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "A check inside a GPU kernel failed, most often an index out of range (a class label "
        "at or above the number of classes, an embedding index too big). CUDA reports it late "
        "and the GPU is unusable in this kernel from then on: restart the kernel (F9). Running "
        "the same snippet on the CPU (Ctrl+G) names the bad value precisely.",
        "GPU 커널 안의 검사가 실패했습니다. 대개 인덱스가 범위를 벗어난 경우입니다(클래스 "
        "개수 이상인 정답 레이블, 너무 큰 임베딩 인덱스 등). CUDA는 이 오류를 늦게 알려 주며, "
        "이후 이 커널에서는 GPU를 쓸 수 없습니다. 커널을 다시 시작하세요(F9). 같은 스니펫을 "
        "CPU에서 실행하면(Ctrl+G) 어떤 값이 잘못됐는지 정확히 알려 줍니다.",
    )


def _bytes(count: int) -> str:
    """4398046511104 -> '4 TiB'."""
    value, unit = float(count), "bytes"
    for name in ("KiB", "MiB", "GiB", "TiB", "PiB", "EiB"):
        if value < 1024:
            break
        value, unit = value / 1024, name
    return f"{value:.3g} {unit}"


@family(
    "out_of_memory",
    # torch.OutOfMemoryError is out of memory whatever its message says (lesson 17 raises one).
    r"^(?:OutOfMemoryError:|(?!KernelDied).*(?:out of memory|DefaultCPUAllocator: can't "
    r"allocate memory))",
    re.I,
)
def _oom(m: re.Match[str], e: Error) -> tuple[str, str]:
    asked = re.search(r"you tried to allocate (\d+) bytes", e.get("message", ""))
    size = f" (this one asked for {_bytes(int(asked.group(1)))})" if asked else ""
    size_ko = f"(이번에 요청한 크기는 {_bytes(int(asked.group(1)))})" if asked else ""
    return (
        f"The device ran out of memory{size}. Use smaller tensors or batches, free what you no "
        "longer need (`del x`, then `torch.cuda.empty_cache()` on CUDA), or restart the kernel "
        "(F9).",
        f"장치의 메모리가 부족합니다{size_ko}. 텐서나 배치를 줄이고, 필요 없는 값을 지우거나"
        "(`del x`, CUDA라면 이어서 `torch.cuda.empty_cache()`) 커널을 다시 시작하세요(F9).",
    )


@family("python_memory_error", r"^MemoryError:")
def _memory_error(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "Python could not get the memory it asked for: something is far bigger than the "
        "machine's RAM (a huge list, a whole dataset loaded at once, a size typed with one zero "
        "too many). Work in batches (a DataLoader), use smaller sizes, and `del` what you no "
        "longer need.",
        "파이썬이 요청한 메모리를 얻지 못했습니다. 무언가가 컴퓨터의 RAM보다 훨씬 큽니다(거대한 "
        "리스트, 한 번에 불러온 데이터셋 전체, 0을 하나 더 붙인 크기). 배치로 나눠(DataLoader) "
        "처리하고, 크기를 줄이고, 필요 없는 값은 `del`하세요.",
    )


@family("killed_out_of_memory", r"^KernelDied: .*SIGKILL")
def _killed(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "The kernel was killed from outside (SIGKILL). On Linux this is almost always the "
        "out-of-memory killer: the snippet used more RAM than the machine has. Nothing you "
        "defined survives; after the restart, use smaller tensors or batches. `dmesg` shows "
        '"Out of memory: Killed process" if that was it.',
        "커널이 밖에서 강제로 종료됐습니다(SIGKILL). 리눅스에서는 거의 항상 메모리 부족 "
        "킬러입니다. 스니펫이 컴퓨터의 RAM보다 많은 메모리를 썼습니다. 정의한 값은 모두 "
        "사라졌으니, 다시 시작한 뒤 텐서나 배치를 줄이세요. 그 때문이었다면 `dmesg`에 "
        '"Out of memory: Killed process"가 보입니다.',
    )
