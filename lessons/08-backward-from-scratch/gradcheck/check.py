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
expect(
    passed,
    "gradcheck fails on LinearFn: one gradient in backward is wrong "
    "(the bias is added to each of the N rows)",
    "LinearFn이 gradcheck를 통과하지 못합니다. backward의 기울기 "
    "하나가 틀렸습니다(bias는 N개의 행 각각에 더해집니다)",
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
