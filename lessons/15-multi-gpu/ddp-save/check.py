def r4(values):
    return [float(f"{v:.4g}") for v in values]


expect(
    len(results) == 2,
    f"{len(results)} ranks reported; expected 2",
    f"rank {len(results)}개가 결과를 보냈습니다. 2개여야 합니다",
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
    f"DDP는 모든 rank에 rank 0의 초기 가중치 {r4(rank0_init)}를 줍니다",
)
expect(
    saved_by == [0],
    f"ranks {saved_by} wrote checkpoint.pt: every rank holds the same "
    "weights, so only rank 0 saves (if rank == 0:); several processes "
    "writing one file at once can leave it broken",
    f"rank {saved_by}가 checkpoint.pt를 썼습니다. 모든 rank의 가중치가 "
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
    f"저장된 가중치 {r4(plain.weight.flatten().tolist())}가 학습한 "
    f"가중치 {r4(trained.tolist())}와 다릅니다. optimizer.step() "
    "다음에 저장하세요",
)
