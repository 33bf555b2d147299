def node(t):
    return type(t.grad_fn).__name__ if t.grad_fn is not None else "None"


expect(
    node(pos_out) == "MulBackward0",
    f"pos_out.grad_fn is {node(pos_out)}; a positive sum should take "
    "the x * 2 branch (MulBackward0)",
    f"pos_out.grad_fn이 {node(pos_out)}입니다. 합이 양수면 x * 2 "
    "쪽(MulBackward0)으로 가야 합니다",
)
expect(
    node(neg_out) == "PowBackward0",
    f"neg_out.grad_fn is {node(neg_out)}; a sum <= 0 should take the "
    "x ** 2 branch (PowBackward0)",
    f"neg_out.grad_fn이 {node(neg_out)}입니다. 합이 0 이하면 x ** 2 "
    "쪽(PowBackward0)으로 가야 합니다",
)
probe = torch.tensor([-2.0, 0.5], device=device)
got = scale_or_square(probe)
expect(
    torch.allclose(got, probe**2),
    f"scale_or_square({probe.tolist()}) gave {got.tolist()}; expected "
    f"{(probe**2).tolist()}",
    f"scale_or_square({probe.tolist()})의 결과가 "
    f"{got.tolist()}입니다. {(probe**2).tolist()}이어야 합니다",
)
