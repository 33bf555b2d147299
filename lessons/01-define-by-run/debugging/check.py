expect(
    tuple(standardized.shape) == tuple(data.shape),
    f"standardized has shape {tuple(standardized.shape)}; expected "
    f"{tuple(data.shape)}",
    f"standardized의 모양이 {tuple(standardized.shape)}입니다. "
    f"{tuple(data.shape)}이어야 합니다",
)
col_mean = standardized.mean(dim=0)
col_std = standardized.std(dim=0)
expect(
    torch.allclose(col_mean, torch.zeros_like(col_mean), atol=1e-5),
    f"column means are {col_mean.tolist()}; each should be 0",
    f"열 평균이 {col_mean.tolist()}입니다. 모두 0이어야 합니다",
)
expect(
    torch.allclose(col_std, torch.ones_like(col_std), atol=1e-5),
    f"column standard deviations are {col_std.tolist()}; each should "
    "be 1",
    f"열 표준편차가 {col_std.tolist()}입니다. 모두 1이어야 합니다",
)
