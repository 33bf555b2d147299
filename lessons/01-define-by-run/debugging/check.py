def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


expect(
    tuple(standardized.shape) == tuple(data.shape),
    f"standardized has shape {tuple(standardized.shape)}; expected "
    f"{tuple(data.shape)}",
    f"standardized의 모양이 {tuple(standardized.shape)}입니다. "
    f"{tuple(data.shape)}이어야 합니다",
)
# Fresh data of another shape: standardize must work per column for
# any input, not only for the 4x3 data it was tried on.
other = torch.arange(10.0, device=device).view(5, 2) ** 2
for name, got in (("standardized", standardized), ("other", None)):
    if got is None:
        got = standardize(other)
    col_mean = got.mean(dim=0)
    col_std = got.std(dim=0)
    expect(
        torch.allclose(col_mean, torch.zeros_like(col_mean), atol=1e-5),
        f"column means of {name} are {r4(col_mean)}; each should be 0 "
        "(take the mean over dim=0, down each column)",
        f"{name}의 열 평균이 {r4(col_mean)}입니다. 모두 0이어야 합니다"
        "(dim=0, 즉 열 방향으로 평균을 내세요)",
    )
    expect(
        torch.allclose(col_std, torch.ones_like(col_std), atol=1e-4),
        f"column standard deviations of {name} are {r4(col_std)}; "
        "each should be 1 (take std over dim=0, like the mean)",
        f"{name}의 열 표준편차가 {r4(col_std)}입니다. 모두 1이어야 "
        "합니다(mean처럼 dim=0으로 std를 구하세요)",
    )
