expect(
    isinstance(traced, torch.fx.GraphModule),
    f"traced is {type(traced).__name__}; it should be the GraphModule "
    "returned by torch.fx.symbolic_trace",
    f"traced의 타입이 {type(traced).__name__}입니다. "
    "torch.fx.symbolic_trace가 돌려준 GraphModule이어야 합니다",
)
for probe in ([1.0, 2.0], [-1.0, -3.0], [3.0, -1.0]):
    t = torch.tensor(probe, device=device)
    want = t * 2 if t.sum() > 0 else t**2
    got = traced(t)
    expect(
        torch.allclose(got, want),
        f"traced({probe}) gave {got.tolist()}; expected "
        f"{want.tolist()}",
        f"traced({probe})의 결과가 {got.tolist()}입니다. "
        f"{want.tolist()}이어야 합니다",
    )
