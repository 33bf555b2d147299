def r4(t):
    return [[float(f"{v:.4g}") for v in row] for row in t.tolist()]


bad = (~torch.isfinite(unit)).nonzero().tolist()
expect(
    not bad,
    f"unit is not finite at {bad}: the zero row divides 0 by 0; "
    "divide by norms.clamp_min(1e-8)",
    f"unit이 {bad} 위치에서 유한하지 않습니다. 0인 행이 0을 0으로 "
    "나눕니다. norms.clamp_min(1e-8)로 나누세요",
)
want = torch.tensor(
    [[0.6, 0.8], [0.0, 0.0], [1.0, 0.0]], device=unit.device
)
expect(
    torch.allclose(unit, want, atol=1e-6),
    f"unit is {r4(unit)}; each row scaled to length 1 (the zero row "
    f"kept at 0) is {r4(want)}",
    f"unit이 {r4(unit)}입니다. 각 행을 길이 1로 맞추면(0인 행은 0) "
    f"{r4(want)}입니다",
)
