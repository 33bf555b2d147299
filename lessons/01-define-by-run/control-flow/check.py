def node(t):
    return type(t.grad_fn).__name__ if t.grad_fn is not None else "None"


def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


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
# Inputs that tell the sum apart from its elements: a sum of exactly
# 0, a positive first element with a negative sum, a positive sum
# with a negative element.
for probe in ([-2.0, 0.5], [3.0, -5.0], [3.0, -1.0], [1.0, -1.0]):
    t = torch.tensor(probe, device=device)
    total = float(f"{t.sum().item():.4g}")
    want = t * 2 if t.sum() > 0 else t**2
    got = scale_or_square(t)
    expect(
        torch.allclose(got, want),
        f"scale_or_square({probe}) gave {r4(got)}; its sum is "
        f"{total:g}, so expected {r4(want)} (x * 2 only when "
        "x.sum() > 0)",
        f"scale_or_square({probe})의 결과가 {r4(got)}입니다. 합이 "
        f"{total:g}이므로 {r4(want)}이어야 합니다(x.sum() > 0일 때만 "
        "x * 2)",
    )
