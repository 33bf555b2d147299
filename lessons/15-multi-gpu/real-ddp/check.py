def r4(values):
    return [float(f"{v:.4g}") for v in values]


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
        f"rank {rank}의 로컬 기울기가 "
        f"{[float(f'{v:.4g}') for v in local[rank].tolist()]}입니다. "
        f"{rank * 4}번부터 {rank * 4 + 4}번 앞까지 행의 기울기 "
        f"{[float(f'{v:.4g}') for v in want.tolist()]}이어야 합니다",
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
    "all-reduce된 기울기가 "
    f"{[float(f'{v:.4g}') for v in synced[0].tolist()]}입니다. 로컬 "
    "기울기들의 평균이어야 합니다(두 번째 backward 전에 로컬 기울기를 "
    "지우세요)",
)

torch.manual_seed(0)
rank0_init = torch.nn.Linear(2, 1).weight.flatten().tolist()
expect(
    all(
        torch.allclose(
            torch.tensor(r["start"]), torch.tensor(rank0_init)
        )
        for r in results
    ),
    f"the ranks started from {[r4(r['start']) for r in results]}; DDP "
    f"gives every rank rank 0's initial weights {r4(rank0_init)}",
    f"rank들이 {[r4(r['start']) for r in results]}에서 시작했습니다. "
    "DDP가 모든 rank에 주는 초기 가중치는 rank 0의 "
    f"{r4(rank0_init)}입니다",
)
expect(
    saved_by == [0],
    f"ranks {saved_by} wrote checkpoint.pt: every rank holds the same "
    "weights, so only rank 0 saves (if rank == 0:); several processes "
    "writing one file at once can leave it broken",
    f"checkpoint.pt를 쓴 rank는 {saved_by}입니다. 모든 rank의 가중치가 "
    "같으므로 rank 0만 저장합니다(if rank == 0:). 여러 프로세스가 한 "
    "파일에 동시에 쓰면 파일이 깨질 수 있습니다",
)
expect(
    sorted(saved) == ["bias", "weight"],
    f"the checkpoint's keys are {sorted(saved)}: save "
    "model.module.state_dict(), the model inside DDP, so a plain model "
    "can load it",
    f"체크포인트의 키가 {sorted(saved)}입니다. DDP 안쪽 모델의 "
    "model.module.state_dict()를 저장해야 평범한 모델이 불러올 수 "
    "있습니다",
)
plain = torch.nn.Linear(2, 1)
plain.load_state_dict(saved)
trained = torch.tensor(results[0]["trained"])
expect(
    torch.allclose(plain.weight.detach().flatten(), trained),
    f"the saved weight {r4(plain.weight.flatten().tolist())} differs "
    f"from the trained one {r4(trained.tolist())}: save after "
    "optimizer.step()",
    "저장된 가중치는 "
    f"{r4(plain.weight.flatten().tolist())}인데 학습한 가중치는 "
    f"{r4(trained.tolist())}입니다. optimizer.step() "
    "다음에 저장하세요",
)
