def name(fn):
    return type(fn).__name__ if fn is not None else "None"


last = name(out.grad_fn)
expect(
    last == "MeanBackward0",
    f"out.grad_fn is {last}; the last operation should be mean "
    "(MeanBackward0)",
    f"out.grad_fn이 {last}입니다. 마지막 연산은 "
    "mean(MeanBackward0)이어야 합니다",
)
square = out.grad_fn.next_functions[0][0]
expect(
    name(square) == "PowBackward0",
    f"the node before the mean is {name(square)}; square y first "
    "(PowBackward0)",
    f"mean 바로 앞 노드가 {name(square)}입니다. 먼저 y를 "
    "제곱하세요(PowBackward0)",
)
# The graph itself says what was squared: y's own node, not x's.
expect(
    square.next_functions[0][0] is y.grad_fn,
    "the square should be of y (y ** 2): the node before it is not "
    "y's MulBackward0",
    "제곱하는 대상은 y여야 합니다(y ** 2). 그 앞 노드가 y의 "
    "MulBackward0이 아닙니다",
)
want = ((x.detach() * 2) ** 2).mean()
expect(
    torch.allclose(out.detach(), want),
    f"out is {out.item():.4g}; expected {want.item():.4g}",
    f"out이 {out.item():.4g}입니다. {want.item():.4g}이어야 합니다",
)
