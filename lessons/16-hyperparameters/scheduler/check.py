want = [0.1] * 10 + [0.05] * 10 + [0.025] * 10
expect(
    len(lrs) == 30,
    f"lrs has {len(lrs)} entries; record one per epoch (30)",
    f"lrs에 값이 {len(lrs)}개 있습니다. 에포크마다 하나씩, 30개여야 "
    "합니다",
)
for epoch, (got, exp) in enumerate(zip(lrs, want)):
    expect(
        abs(got - exp) < 1e-9,
        f"the lr in epoch {epoch} is {got:.4g}; StepLR(step_size=10, "
        "gamma=0.5) stepped once per "
        f"epoch gives {exp}",
        f"{epoch} 에포크의 lr이 {got:.4g}입니다. 에포크마다 한 번 "
        f"step한 StepLR(step_size=10, gamma=0.5)이라면 {exp}입니다",
    )
# The 30 epochs replayed with the scheduler stepped after each epoch's
# batches: stepping it at the start of an epoch trains that epoch with
# the next epoch's lr, even when the recorded lrs look right.
torch.manual_seed(0)
ref_x = torch.randn(64, 3, device=device)
ref_y = ref_x.sum(dim=1, keepdim=True)
ref = torch.nn.Linear(3, 1).to(device)
ref_opt = torch.optim.SGD(ref.parameters(), lr=0.1)
ref_sched = torch.optim.lr_scheduler.StepLR(
    ref_opt, step_size=10, gamma=0.5
)
for epoch in range(30):
    for start in range(0, 64, 16):
        ref_opt.zero_grad()
        torch.nn.functional.mse_loss(
            ref(ref_x[start : start + 16]), ref_y[start : start + 16]
        ).backward()
        ref_opt.step()
    ref_sched.step()
gap = (model.weight - ref.weight).abs().max().item()
expect(
    gap < 1e-5,
    f"the weights differ by up to {gap:.4g} from 30 epochs trained "
    "with those lrs: call scheduler.step() after the batch loop, at "
    "the end of each epoch, not at its start",
    f"가중치가 그 lr로 학습한 30 에포크와 최대 {gap:.4g} 다릅니다. "
    "scheduler.step()은 에포크의 시작이 아니라 끝, 배치 루프 다음에 "
    "호출하세요",
)
