local = [torch.tensor(r["local"]) for r in results]
synced = [torch.tensor(r["synced"]) for r in results]
expect(
    len(results) == 2,
    f"{len(results)} ranks reported; expected 2",
    f"rank {len(results)}개가 결과를 보냈습니다. 2개여야 합니다",
)
expect(
    not torch.allclose(local[0], local[1]),
    "both ranks computed the same local gradient: each rank should "
    "take its own rows "
    "(rank * 4 to rank * 4 + 4)",
    "두 rank의 로컬 기울기가 같습니다. rank마다 자기 행(rank * 4부터 "
    "rank * 4 + 4 앞까지)을 "
    "가져야 합니다",
)
expect(
    torch.allclose(synced[0], synced[1], atol=1e-6),
    "after the all-reduce every rank should hold the same gradient",
    "all-reduce 뒤에는 모든 rank의 기울기가 같아야 합니다",
)
expect(
    torch.allclose(synced[0], (local[0] + local[1]) / 2, atol=1e-5),
    f"the all-reduced gradient {synced[0].tolist()} should be the "
    "mean of the local ones",
    f"all-reduce된 기울기 {synced[0].tolist()}는 로컬 기울기들의 "
    "평균이어야 합니다",
)
