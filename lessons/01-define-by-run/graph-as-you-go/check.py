last = type(out.grad_fn).__name__ if out.grad_fn is not None else "None"
expect(
    last == "MeanBackward0",
    f"out.grad_fn is {last}; the last operation should be mean "
    "(MeanBackward0)",
    f"out.grad_fn이 {last}입니다. 마지막 연산은 "
    "mean(MeanBackward0)이어야 합니다",
)
before = type(out.grad_fn.next_functions[0][0]).__name__
expect(
    before == "PowBackward0",
    f"the node before the mean is {before}; square y first "
    "(PowBackward0)",
    f"mean 바로 앞 노드가 {before}입니다. 먼저 y를 "
    "제곱하세요(PowBackward0)",
)
want = ((x.detach() * 2) ** 2).mean()
expect(
    torch.allclose(out.detach(), want),
    f"out is {out.item():.4f}; expected {want.item():.4f}",
    f"out이 {out.item():.4f}입니다. {want.item():.4f}이어야 합니다",
)
