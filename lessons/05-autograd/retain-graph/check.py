def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


once = 2 * x.detach()
expect(
    torch.allclose(first, once),
    f"first is {r4(first)}; d(sum x²)/dx = 2x = {r4(once)} "
    "(copy x.grad with .clone() before the second backward adds to it)",
    f"first가 {r4(first)}입니다. d(sum x²)/dx = 2x = "
    f"{r4(once)}입니다(두 번째 backward가 더하기 전에 "
    ".clone()으로 복사하세요)",
)
expect(
    x.grad is not None and torch.allclose(x.grad, 2 * once),
    f"after two backward calls x.grad should be {r4(2 * once)} "
    f"(found {x.grad.tolist() if x.grad is not None else None})",
    f"backward를 두 번 하면 x.grad는 {r4(2 * once)}이어야 합니다",
)
