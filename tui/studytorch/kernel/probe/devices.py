"""The devices this torch sees, and the device a learner asked for (auto, cpu, cuda:N, mps)."""

from __future__ import annotations

from typing import Any


def devices(torch: Any) -> dict[str, Any]:
    cuda = torch.cuda.is_available()
    mps = bool(getattr(torch.backends, "mps", None) and torch.backends.mps.is_available())
    names = (
        [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())] if cuda else []
    )
    return {"cuda": cuda, "cuda_devices": names, "mps": mps}


def resolve(torch: Any, spec: str) -> Any:
    """The torch.device for `spec`; ValueError saying why when this machine cannot give it."""
    spec = (spec or "auto").strip().lower()
    if spec == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        mps = getattr(torch.backends, "mps", None)
        return torch.device("mps" if mps and mps.is_available() else "cpu")
    try:
        device = torch.device(spec)
    except RuntimeError:
        raise ValueError(f"unknown device {spec!r}: use auto, cpu, cuda, cuda:N or mps") from None
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise ValueError(
                f"device {spec!r} asked for, but this torch ({torch.__version__}) sees no CUDA GPU"
            )
        count = torch.cuda.device_count()
        if device.index is not None and device.index >= count:
            raise ValueError(f"device {spec!r} asked for, but only {count} CUDA GPU(s) exist")
    elif device.type == "mps":
        mps = getattr(torch.backends, "mps", None)
        if not (mps and mps.is_available()):
            raise ValueError(f"device {spec!r} asked for, but MPS is not available here")
    elif device.type != "cpu":
        raise ValueError(f"unsupported device {spec!r}: use auto, cpu, cuda, cuda:N or mps")
    return device
