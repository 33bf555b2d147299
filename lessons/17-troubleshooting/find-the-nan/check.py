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
    f"unit is {unit.tolist()}; expected {want.tolist()}",
    f"unit이 {unit.tolist()}입니다. {want.tolist()}이어야 합니다",
)
