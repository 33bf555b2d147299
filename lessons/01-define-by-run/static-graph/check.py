def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


expect(
    isinstance(traced, torch.fx.GraphModule),
    f"traced is {type(traced).__name__}; it should be the GraphModule "
    "returned by torch.fx.symbolic_trace",
    f"traced의 타입이 {type(traced).__name__}입니다. "
    "torch.fx.symbolic_trace가 돌려준 GraphModule이어야 합니다",
)
# The branch depends on the sum: a sum of exactly 0 squares, and a
# positive sum doubles even a negative element.
probes = ([1.0, 2.0], [-1.0, -3.0], [3.0, -1.0], [1.0, -1.0])
for probe in probes:
    t = torch.tensor(probe, device=device)
    want = t * 2 if t.sum() > 0 else t**2
    got = traced(t)
    expect(
        torch.allclose(got, want),
        f"traced({probe}) gave {r4(got)}; expected {r4(want)} (x * 2 "
        "when x.sum() > 0, else x ** 2)",
        f"traced({probe})의 결과가 {r4(got)}입니다. {r4(want)}이어야 "
        "합니다(x.sum() > 0이면 x * 2, 아니면 x ** 2)",
    )
