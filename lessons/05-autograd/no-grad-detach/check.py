import numpy as np

expect(
    w.grad_fn is None,
    f"w has grad_fn {type(w.grad_fn).__name__}: the update was "
    "recorded; do it in place under torch.no_grad()",
    f"w의 grad_fn이 {type(w.grad_fn).__name__}입니다. 업데이트가 "
    "기록되었습니다. torch.no_grad() 안에서 제자리 업데이트하세요",
)
expect(
    w.requires_grad,
    "w no longer requires grad, so the next backward() cannot reach "
    "it: it was replaced by a "
    "new tensor (detach() or a copy); update the original w in place "
    "with -= under torch.no_grad()",
    "w가 더 이상 기울기를 추적하지 않아 다음 backward()가 닿지 "
    "않습니다. detach()나 복사로 새 텐서가 "
    "되었기 때문입니다. torch.no_grad() 안에서 원래 w를 -=로 제자리 "
    "업데이트하세요",
)
want = [1.25, 1.5]
expect(
    torch.allclose(w.detach().cpu(), torch.tensor(want)),
    f"w is {w.tolist()}; after one step of lr 0.1 it should be {want}",
    f"w가 {w.tolist()}입니다. lr 0.1로 한 번 업데이트하면 "
    f"{want}이어야 합니다",
)
expect(
    isinstance(values, np.ndarray) and np.allclose(values, want),
    f"values should be a NumPy array equal to {want}",
    f"values는 {want}와 같은 NumPy 배열이어야 합니다",
)
