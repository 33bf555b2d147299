registered = sorted(name for name, _ in model.named_parameters())
expect(
    registered == ["factor", "offset"],
    f"the registered parameters are {registered}; expected ['factor', "
    "'offset']",
    f"등록된 파라미터가 {registered}입니다. ['factor', "
    "'offset']이어야 합니다",
)
expect(
    isinstance(model.factor, torch.nn.Parameter)
    and isinstance(model.factor, torch.Tensor),
    "model.factor should be an nn.Parameter (which is also a Tensor)",
    "model.factor는 nn.Parameter여야 합니다(Parameter는 Tensor이기도 "
    "합니다)",
)
expect(
    model.factor.requires_grad,
    "model.factor should require grad",
    "model.factor는 requires_grad가 True여야 합니다",
)
expect(
    model.factor.device.type == device.type,
    f"model.factor is on {model.factor.device}; .to(device) should "
    f"have moved it to {device}",
    f"model.factor가 {model.factor.device}에 있습니다. .to(device)로 "
    f"{device}에 옮겨져야 합니다",
)
