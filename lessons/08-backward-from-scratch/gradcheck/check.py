# float64 exists on the CPU for every backend, so the check's
# gradcheck runs there too.
gen = torch.Generator().manual_seed(1)
probe = tuple(
    torch.randn(
        *shape, dtype=torch.float64, generator=gen
    ).requires_grad_()
    for shape in ((5, 3), (4, 3), (4,))
)
passed = torch.autograd.gradcheck(
    LinearFn.apply, probe, raise_exception=False
)
# Name the gradient that is off: compare each with autograd's own.
out = LinearFn.apply(*probe)
g = torch.randn(out.shape, dtype=torch.float64, generator=gen)
mine = torch.autograd.grad(out, probe, g, allow_unused=True)
ref = torch.autograd.grad(
    torch.nn.functional.linear(*probe), probe, g, allow_unused=True
)
names = ("grad_x", "grad_weight", "grad_bias")
off = [
    name
    for name, a, b in zip(names, mine, ref)
    if a is None or not torch.allclose(a, b)
]
bias = " (the bias is added to each of the N rows)" * (
    "grad_bias" in off
)
expect(
    passed and not off,
    f"gradcheck fails on LinearFn: {' and '.join(off) or 'a gradient'} "
    f"is wrong{bias}",
    f"LinearFn이 gradcheck를 통과하지 못합니다. "
    f"틀린 기울기는 {', '.join(off) or '하나 이상'}입니다"
    + "(bias는 N개의 행 각각에 더해집니다)"
    * ("grad_bias" in off),
)
xd = torch.randn(5, 3, device=device)
wd = torch.randn(4, 3, device=device)
bd = torch.randn(4, device=device)
expect(
    torch.allclose(
        LinearFn.apply(xd, wd, bd),
        torch.nn.functional.linear(xd, wd, bd),
        atol=1e-5,
    ),
    "LinearFn's forward should equal torch.nn.functional.linear",
    "LinearFn의 forward는 torch.nn.functional.linear와 같아야 합니다",
)
