frozen = [
    name
    for name, p in model.backbone.named_parameters()
    if p.requires_grad
]
expect(
    not frozen,
    f"backbone parameters {frozen} still require grad; freeze every "
    "one of them",
    f"아직 기울기를 추적하는 백본 파라미터가 있습니다: {frozen}. 모두 "
    "고정하세요",
)
expect(
    all(p.requires_grad for p in model.head.parameters()),
    "the head is frozen too; only the backbone should be",
    "헤드까지 고정되었습니다. 백본만 고정해야 합니다",
)
expect(
    trainable == 170,
    f"trainable is {trainable}; the head has 16 * 10 + 10 = 170 "
    "parameters",
    f"trainable이 {trainable}입니다. 헤드의 파라미터는 16 * 10 + 10 = "
    "170개입니다",
)
