def r4(t):
    def r(v):
        if isinstance(v, list):
            return [r(x) for x in v]
        return float(f"{v:.4g}")

    return r(t.tolist())


expect(
    tuple(col.shape) == (3, 1),
    f"col has shape {tuple(col.shape)}; it should be (3, 1)",
    f"col의 모양이 {tuple(col.shape)}입니다. (3, 1)이어야 합니다",
)
expect(
    tuple(table.shape) == (3, 4),
    f"table has shape {tuple(table.shape)}; it should be (3, 4)",
    f"table의 모양이 {tuple(table.shape)}입니다. (3, 4)여야 합니다",
)
want = v[:, None] * torch.arange(4.0, device=v.device)
expect(
    torch.allclose(table, want),
    f"table is {r4(table)}; expected the products v[i] * row[j]: "
    f"{r4(want)}",
    f"table이 {r4(table)}입니다. v[i] * row[j]의 곱인 "
    f"{r4(want)}이어야 합니다",
)
