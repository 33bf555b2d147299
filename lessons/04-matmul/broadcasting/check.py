expect(
    tuple(weighted.shape) == (5, 3),
    f"weighted has shape {tuple(weighted.shape)}; expected (5, 3)",
    f"weighted의 모양이 {tuple(weighted.shape)}입니다. (5, 3)이어야 "
    "합니다",
)
for i in range(5):
    want = centered[i] * row_weights[i]
    expect(
        torch.allclose(weighted[i], want, atol=1e-6),
        f"row {i} of weighted should be centered[{i}] * "
        f"{row_weights[i].item()}",
        f"weighted의 {i}번 행은 centered[{i}] * "
        f"{row_weights[i].item()}이어야 합니다",
    )
