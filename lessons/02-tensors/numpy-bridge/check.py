import numpy as np

expect(
    shared.device.type == "cpu"
    and shared.data_ptr() == arr.__array_interface__["data"][0],
    "shared does not use arr's memory: torch.tensor copies, "
    "torch.from_numpy shares",
    "shared가 arr의 메모리를 쓰지 않습니다. torch.tensor는 복사하고, "
    "torch.from_numpy는 공유합니다",
)
expect(
    shared[0].item() == 5,
    f"shared[0] is {shared[0].item():g}; after arr[0] = 5 it should "
    "be 5",
    f"shared[0]이 {shared[0].item():g}입니다. arr[0] = 5 이후라면 "
    "5여야 합니다",
)
expect(
    isinstance(back, np.ndarray),
    f"back is a {type(back).__name__}; expected a NumPy array",
    f"back의 타입이 {type(back).__name__}입니다. NumPy 배열이어야 "
    "합니다",
)
expect(
    back.tolist() == [5.0, 0.0, 0.0],
    f"back is {[round(v, 4) for v in back.tolist()]}; expected [5.0, "
    "0.0, 0.0]",
    f"back이 {[round(v, 4) for v in back.tolist()]}입니다. [5.0, 0.0, "
    "0.0]이어야 합니다",
)
try:
    tracked = to_numpy(torch.ones(2, device=device, requires_grad=True))
except RuntimeError as err:
    tracked = err
expect(
    isinstance(tracked, np.ndarray),
    "to_numpy fails on a tensor that requires grad: detach() it first",
    "to_numpy가 기울기를 추적하는 텐서에서 실패합니다. 먼저 "
    "detach()하세요",
)
calls = []


class Recorder(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        calls.append(getattr(func, "__name__", ""))
        return super().__torch_function__(
            func, types, args, kwargs or {}
        )


to_numpy(torch.arange(3.0).as_subclass(Recorder))
moved_first = "numpy" in calls and any(
    c in ("cpu", "to") for c in calls[: calls.index("numpy")]
)
expect(
    moved_first,
    f"to_numpy called {calls}: it works on the CPU only; call .cpu() "
    "before .numpy() so a GPU tensor works too",
    f"to_numpy가 호출한 연산은 {calls}입니다. 이렇게는 CPU에서만 "
    "됩니다. GPU 텐서도 되도록 .numpy() 전에 .cpu()를 호출하세요",
)
