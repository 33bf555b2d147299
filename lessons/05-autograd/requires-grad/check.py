def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


expect(
    w.requires_grad and w.is_leaf,
    "w should be a leaf tensor created with requires_grad=True",
    "w는 requires_grad=True로 만든 리프 텐서여야 합니다",
)
expect(
    not x.requires_grad,
    "x is input data: leave it without requires_grad",
    "x는 입력 데이터이니 requires_grad 없이 두세요",
)
expect(
    w.grad is not None,
    "w.grad is None: call y.backward() after computing y",
    "w.grad가 None입니다. y를 계산한 뒤 y.backward()를 호출하세요",
)
want = 2 * (w.detach() * x).sum() * x
expect(
    torch.allclose(w.grad, want),
    f"w.grad is {r4(w.grad)}; expected 2 (w·x) x = {r4(want)}",
    f"w.grad가 {r4(w.grad)}입니다. 2 (w·x) x = {r4(want)}이어야 합니다",
)
