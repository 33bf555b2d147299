computed = [
    name
    for name, p in model.backbone.named_parameters()
    if p.grad is not None
]
expect(
    not computed,
    f"backward() still computed gradients for backbone {computed}: "
    "freeze them with requires_grad_(False)",
    f"backward()가 아직 백본 {computed}의 기울기를 계산합니다. "
    "requires_grad_(False)로 고정하세요",
)
for before, p in zip(backbone_before, model.backbone.parameters()):
    expect(
        torch.equal(before, p.detach()),
        "the backbone changed during training; it should stay as it "
        "was",
        "학습 중에 백본이 바뀌었습니다. 처음 그대로 있어야 합니다",
    )
expect(
    len(losses) == 40 and losses[-1] < losses[0] * 0.8,
    f"the loss went from {losses[0]:.4g} to {losses[-1]:.4g}; the "
    "head should still learn",
    f"손실: {losses[0]:.4g} → {losses[-1]:.4g}. 헤드는 여전히 "
    "학습되어야 합니다",
)
