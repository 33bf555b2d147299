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
torch.testing.assert_close(
    table, v[:, None] * torch.arange(4.0, device=v.device)
)
