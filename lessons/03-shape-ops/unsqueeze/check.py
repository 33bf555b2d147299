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
    f"table is {table.tolist()}; expected the products v[i] * row[j]: "
    f"{want.tolist()}",
    f"table이 {table.tolist()}입니다. v[i] * row[j]의 곱인 "
    f"{want.tolist()}이어야 합니다",
)
