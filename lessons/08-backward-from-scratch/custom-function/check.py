node = type(y.grad_fn).__name__ if y.grad_fn is not None else "None"
expect(
    node == "MySigmoidBackward",
    f"y.grad_fn is {node}; compute y with MySigmoid.apply(x)",
    f"y.grad_fn이 {node}입니다. y를 MySigmoid.apply(x)로 계산하세요",
)
probe = torch.linspace(-4, 4, 9, device=device, requires_grad=True)
weights = torch.arange(1.0, 10.0, device=device)
(mine,) = torch.autograd.grad(
    (MySigmoid.apply(probe) * weights).sum(), probe
)
(ref,) = torch.autograd.grad(
    (torch.sigmoid(probe) * weights).sum(), probe
)
expect(
    torch.allclose(mine, ref, atol=1e-6),
    f"MySigmoid's gradient is {[round(v, 4) for v in mine.tolist()]}; "
    f"torch.sigmoid gives {[round(v, 4) for v in ref.tolist()]}",
    "MySigmoid의 기울기가 "
    f"{[round(v, 4) for v in mine.tolist()]}입니다. torch.sigmoid는 "
    f"{[round(v, 4) for v in ref.tolist()]}입니다",
)
