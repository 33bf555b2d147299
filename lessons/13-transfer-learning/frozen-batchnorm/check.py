def r4(t):
    return [[float(f"{v:.4g}") for v in row] for row in t.tolist()]


pixels = torch.tensor(
    [[255.0, 0.0, 127.5], [30.0, 200.0, 90.0]], device=device
)
want = (pixels - mean) / std
got = prepare(pixels)
expect(
    torch.allclose(got, want, atol=1e-5),
    f"prepare gives {r4(got)} "
    f"for the pixels {pixels.tolist()}; the pretrained weights expect "
    "(x - mean) / std with the mean and std they were trained with = "
    f"{r4(want)}",
    f"prepare가 픽셀 {pixels.tolist()}에 대해 돌려준 값이 "
    f"{r4(got)}입니다. "
    "사전 학습된 가중치가 기대하는 값은 학습할 때 쓴 mean과 std로 "
    "정규화한 (x - mean) / std = "
    f"{r4(want)}입니다",
)
expect(
    not any(p.requires_grad for p in model.backbone.parameters()),
    "the backbone should stay frozen",
    "백본은 계속 고정되어 있어야 합니다",
)
shift = (bn.running_mean - stats_before).abs().max().item()
expect(
    shift == 0.0 and not bn.training,
    f"BatchNorm's running_mean moved by up to {shift:.4g} although its "
    "parameters are frozen: requires_grad_(False) does not stop "
    "running statistics, and model.train() puts BatchNorm back in "
    "training mode; call model.backbone.eval() after model.train()",
    f"파라미터를 고정했는데도 BatchNorm의 running_mean이 최대 "
    f"{shift:.4g}만큼 움직였습니다. requires_grad_(False)는 누적 "
    "통계를 멈추지 않고, model.train()은 BatchNorm을 다시 학습 모드로 "
    "돌립니다. model.train() 다음에 model.backbone.eval()을 "
    "호출하세요",
)
expect(
    loss.item() < 0.4,
    f"the final loss is {loss.item():.4g}; with inputs normalised and "
    "the statistics kept, the head should get below 0.4",
    f"마지막 손실이 {loss.item():.4g}입니다. 입력을 정규화하고 통계를 "
    "지키면 헤드의 손실이 0.4 아래로 내려가야 합니다",
)
