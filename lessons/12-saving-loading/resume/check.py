expect(
    start_epoch == 3,
    f"start_epoch is {start_epoch}; the checkpoint was saved after "
    "epoch 3",
    f"start_epoch가 {start_epoch}입니다. 체크포인트는 3 에포크 뒤에 "
    "저장했습니다",
)


# The four ways a resume can go, replayed here: what was loaded decides
# which one the learner's weight matches.
def replay(load_model, load_optimizer):
    torch.manual_seed(0)
    m = torch.nn.Linear(1, 1).to(device)
    o = torch.optim.Adam(m.parameters(), lr=0.1)
    for _ in range(3):
        o.zero_grad()
        torch.nn.functional.mse_loss(m(x), y).backward()
        o.step()
    saved_m, saved_o = m.state_dict(), o.state_dict()
    torch.manual_seed(0)
    m2 = torch.nn.Linear(1, 1).to(device)
    o2 = torch.optim.Adam(m2.parameters(), lr=0.1)
    if load_model:
        m2.load_state_dict(saved_m)
    if load_optimizer:
        o2.load_state_dict(saved_o)
    for _ in range(3):
        o2.zero_grad()
        torch.nn.functional.mse_loss(m2(x), y).backward()
        o2.step()
    return m2.weight.detach()


got = resumed_weight.item()
both = replay(True, True)
if not torch.allclose(resumed_weight, both, atol=1e-6):
    if torch.allclose(resumed_weight, replay(False, True), atol=1e-6):
        en = (
            "only the optimizer was restored: the model restarted from "
            "its initial weights; load ckpt['model'] too"
        )
        ko = (
            "옵티마이저만 복원했습니다. 모델이 초기 가중치에서 다시 "
            "시작했습니다. ckpt['model']도 불러오세요"
        )
    else:
        en = (
            "the fresh Adam lost its running averages; load the "
            "optimizer's state too"
        )
        ko = (
            "새 Adam에는 이동 평균이 없습니다. 옵티마이저 상태도 "
            "불러오세요"
        )
    expect(
        False,
        f"resumed weight {got:.4g} differs from the straight run's "
        f"{both.item():.4g}: {en}",
        f"이어서 학습한 가중치({got:.4g})가 쭉 학습한 가중치"
        f"({both.item():.4g})와 다릅니다. {ko}",
    )
expect(
    torch.allclose(straight_weight, both, atol=1e-6),
    f"straight_weight is {straight_weight.item():.4g}; six epochs "
    f"straight give {both.item():.4g}",
    f"straight_weight가 {straight_weight.item():.4g}입니다. 6 에포크를 "
    f"쭉 학습하면 {both.item():.4g}입니다",
)
