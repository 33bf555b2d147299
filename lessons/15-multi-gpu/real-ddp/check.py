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
# Each rank's local gradient recomputed here from rank 0's initial
# weights (DDP gives them to every rank) and that rank's own rows.
torch.manual_seed(0)
ref = torch.nn.Linear(2, 1)
data = torch.arange(16.0).view(8, 2) / 8
target = data.sum(dim=1, keepdim=True)
for rank in range(2):
    rows = slice(rank * 4, rank * 4 + 4)
    ref.zero_grad()
    torch.nn.functional.mse_loss(
        ref(data[rows]), target[rows]
    ).backward()
    want = ref.weight.grad.flatten()
    expect(
        torch.allclose(local[rank], want, atol=1e-5),
        f"rank {rank}'s local gradient "
        f"{[float(f'{v:.4g}') for v in local[rank].tolist()]} differs "
        f"from the gradient of rows {rank * 4} to {rank * 4 + 4}, "
        f"{[float(f'{v:.4g}') for v in want.tolist()]}",
        f"rank {rank}의 로컬 기울기 "
        f"{[float(f'{v:.4g}') for v in local[rank].tolist()]}가 "
        f"{rank * 4}번부터 {rank * 4 + 4}번 앞까지 행의 기울기 "
        f"{[float(f'{v:.4g}') for v in want.tolist()]}와 다릅니다",
    )
expect(
    torch.allclose(synced[0], synced[1], atol=1e-6),
    "after the all-reduce every rank should hold the same gradient",
    "all-reduce 뒤에는 모든 rank의 기울기가 같아야 합니다",
)
expect(
    torch.allclose(synced[0], (local[0] + local[1]) / 2, atol=1e-5),
    "the all-reduced gradient "
    f"{[float(f'{v:.4g}') for v in synced[0].tolist()]} should be "
    "the mean of the local ones (zero the local gradient before the "
    "second backward)",
    "all-reduce된 기울기 "
    f"{[float(f'{v:.4g}') for v in synced[0].tolist()]}는 로컬 "
    "기울기들의 평균이어야 합니다(두 번째 backward 전에 로컬 기울기를 "
    "지우세요)",
)
