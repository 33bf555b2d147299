import numpy as np


def leaf_of(node):
    """The leaf at the bottom of loss's graph: the original w."""
    while node is not None:
        if hasattr(node, "variable"):
            return node.variable
        node = next((n for n, _ in node.next_functions if n), None)
    return None


def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


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
    "it: it was replaced by a new tensor (detach() or a copy); update "
    "the original w in place with -= under torch.no_grad()",
    "w가 더 이상 기울기를 추적하지 않아 다음 backward()가 닿지 "
    "않습니다. detach()나 복사로 새 텐서가 되었기 때문입니다. "
    "torch.no_grad() 안에서 원래 w를 -=로 제자리 업데이트하세요",
)
# The optimizer holds the original w: a new leaf with the right values
# would never be trained again.
expect(
    leaf_of(loss.grad_fn) is w,
    "w is a new tensor, not the leaf that loss was computed from: "
    "update the original w in place (w -= ...) under torch.no_grad()",
    "w가 loss를 계산할 때 쓴 리프가 아닌 새 텐서입니다. "
    "torch.no_grad() 안에서 원래 w를 제자리(w -= ...)로 업데이트하세요",
)
want = [1.25, 1.5]
expect(
    torch.allclose(w.detach().cpu(), torch.tensor(want)),
    f"w is {r4(w)}; after one step of lr 0.1 it should be {want}",
    f"w가 {r4(w)}입니다. lr 0.1로 한 번 업데이트하면 {want}이어야 "
    "합니다",
)
expect(
    isinstance(values, np.ndarray) and np.allclose(values, want),
    f"values should be a NumPy array equal to {want}",
    f"values는 값이 {want}인 NumPy 배열이어야 합니다",
)
