def r4(t):
    return [[float(f"{v:.4g}") for v in row] for row in t.tolist()]


expect(
    v.grad is not None,
    "v.grad is None: backward failed (read the printed error); keep "
    "sqrt away from 0 by adding the epsilon inside it, to its argument",
    "v.grad가 None입니다. backward가 실패했습니다(출력된 에러를 읽어 "
    "보세요). 엡실론을 sqrt 안, 인자에 더해서 sqrt가 0에 닿지 않게 "
    "하세요",
)
expect(
    bool(torch.isfinite(v.grad).all()),
    f"v.grad is {r4(v.grad)}; every entry should be finite "
    "(without detect_anomaly the nan passes silently)",
    f"v.grad가 {r4(v.grad)}입니다. 모든 값이 유한해야 합니다"
    "(detect_anomaly가 없으면 nan이 조용히 지나갑니다)",
)
expect(
    torch.allclose(
        lengths[0], torch.tensor(5.0, device=lengths.device), atol=1e-4
    ),
    f"the first length is {lengths[0].item():.4g}; a small epsilon "
    "should leave it at 5",
    f"첫 번째 길이가 {lengths[0].item():.4g}입니다. 작은 엡실론을 "
    "더해도 5여야 합니다",
)
