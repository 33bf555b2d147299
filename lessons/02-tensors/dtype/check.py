expect(
    avg.dtype == torch.float32,
    f"avg has dtype {avg.dtype}; expected torch.float32",
    f"avg의 dtype이 {avg.dtype}입니다. torch.float32여야 합니다",
)
expect(
    abs(avg.item() - 78.5) < 1e-4,
    f"avg is {avg.item():.4g}; the mean of scores is 78.5",
    f"avg가 {avg.item():.4g}입니다. scores의 평균은 78.5입니다",
)
expect(
    scores.dtype == torch.int64,
    f"scores should stay int64 (found {scores.dtype}); convert a copy "
    "for the mean",
    f"scores는 int64로 두세요({scores.dtype}입니다). 평균을 낼 때만 "
    "변환하세요",
)
