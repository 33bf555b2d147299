once = 2 * x.detach()
expect(
    torch.allclose(first, once),
    f"first is {first.tolist()}; d(sum x²)/dx = 2x = {once.tolist()} "
    "(copy x.grad with .clone() before the second backward adds to it)",
    f"first가 {first.tolist()}입니다. d(sum x²)/dx = 2x = "
    f"{once.tolist()}입니다(두 번째 backward가 더하기 전에 "
    ".clone()으로 복사하세요)",
)
expect(
    x.grad is not None and torch.allclose(x.grad, 2 * once),
    f"after two backward calls x.grad should be {(2 * once).tolist()} "
    f"(found {x.grad.tolist() if x.grad is not None else None})",
    f"backward를 두 번 하면 x.grad는 {(2 * once).tolist()}이어야 "
    "합니다",
)
