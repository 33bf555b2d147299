expect(
    tuple(weighted.shape) == (5, 3),
    f"weighted has shape {tuple(weighted.shape)}; expected (5, 3)",
    f"weighted의 모양이 {tuple(weighted.shape)}입니다. (5, 3)이어야 "
    "합니다",
)
# Recomputed from data, so the check does not trust `centered`.
rows = data - data.mean(dim=0)
for i in range(5):
    w = f"{row_weights[i].item():g}"
    expect(
        torch.allclose(
            weighted[i], rows[i] * row_weights[i], atol=1e-5
        ),
        f"row {i} of weighted should be centered[{i}] * {w}: each row "
        "by its own weight",
        f"weighted의 {i}번 행은 centered[{i}] * {w}이어야 합니다. 각 "
        "행에 그 행의 가중치를 곱하세요",
    )
