expect(
    isinstance(model.head, torch.nn.Linear)
    and model.head.out_features == 3,
    f"model.head is {model.head}; the model needs a new head, one "
    "nn.Linear with 3 outputs (slicing or stacking on the old 10-class "
    "head keeps the old task's layer)",
    f"model.head가 {model.head}입니다. 출력이 3개인 nn.Linear 하나로 "
    "새 헤드를 달아야 합니다(클래스 10개짜리 예전 헤드를 자르거나 그 "
    "위에 쌓으면 예전 작업의 레이어가 남습니다)",
)
expect(
    tuple(logits.shape) == (5, 3),
    f"logits has shape {tuple(logits.shape)}; a 3-class head gives "
    "(5, 3)",
    f"logits의 모양이 {tuple(logits.shape)}입니다. 클래스 3개짜리 "
    "헤드라면 (5, 3)이어야 합니다",
)
expect(
    isinstance(model.head, torch.nn.Linear)
    and model.head.in_features == 16,
    "model.head should be an nn.Linear that takes the backbone's 16 "
    "features",
    "model.head는 백본의 특성 16개를 받는 nn.Linear여야 합니다",
)
expect(
    all(p.requires_grad for p in model.head.parameters()),
    "the new head is frozen; a new layer should be trainable",
    "새 헤드가 고정되어 있습니다. 새 레이어는 학습되어야 합니다",
)
expect(
    not any(p.requires_grad for p in model.backbone.parameters()),
    "the backbone should stay frozen",
    "백본은 계속 고정되어 있어야 합니다",
)
