def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


node = type(y.grad_fn).__name__ if y.grad_fn is not None else "None"
expect(
    node == "MySigmoidBackward",
    f"y.grad_fn is {node}; compute y with MySigmoid.apply(x)",
    f"y.grad_fn이 {node}입니다. y를 MySigmoid.apply(x)로 계산하세요",
)
# Weights make grad_output differ from 1, as it does inside a network.
probe = torch.linspace(-4, 4, 9, device=device, requires_grad=True)
weights = torch.arange(1.0, 10.0, device=device)
(mine,) = torch.autograd.grad(
    (MySigmoid.apply(probe) * weights).sum(), probe
)
(ref,) = torch.autograd.grad(
    (torch.sigmoid(probe) * weights).sum(), probe
)
expect(
    not torch.allclose(mine * weights, ref, atol=1e-6),
    "backward ignores grad_output: multiply the local derivative "
    "s * (1 - s) by grad_output (the chain rule)",
    "backward가 grad_output을 쓰지 않습니다. 국소 미분 s * (1 - s)에 "
    "grad_output을 곱하세요(연쇄 법칙)",
)
expect(
    torch.allclose(mine, ref, atol=1e-6),
    f"MySigmoid's gradient is {r4(mine)}; torch.sigmoid gives "
    f"{r4(ref)} (d sigmoid/dx = s * (1 - s), with s the saved output)",
    f"MySigmoid의 기울기가 {r4(mine)}입니다. torch.sigmoid는 "
    f"{r4(ref)}입니다(s가 저장한 출력일 때 d sigmoid/dx = s * (1 - s))",
)
