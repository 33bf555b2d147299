params = {p.dtype for p in model.parameters()}
expect(
    params == {torch.float32},
    f"the parameters are {sorted(str(d) for d in params)}: autocast "
    "keeps the weights (and their updates) in float32 and runs only "
    "the operations in bfloat16; don't convert the model",
    f"파라미터가 {sorted(str(d) for d in params)}입니다. autocast는 "
    "가중치(와 업데이트)를 float32로 두고 연산만 bfloat16으로 "
    "실행합니다. 모델을 변환하지 마세요",
)
expect(
    logits.dtype == torch.bfloat16,
    f"logits are {logits.dtype}; run the forward pass inside "
    "torch.autocast(device_type=device.type, dtype=torch.bfloat16)",
    f"logits가 {logits.dtype}입니다. 순전파를 "
    "torch.autocast(device_type=device.type, dtype=torch.bfloat16) "
    "안에서 실행하세요",
)
expect(
    loss.dtype == torch.float32,
    f"the loss is {loss.dtype}: compute it inside the autocast block, "
    "where autocast runs cross_entropy in float32",
    f"손실이 {loss.dtype}입니다. autocast 블록 안에서 계산하세요. 그 "
    "안에서는 autocast가 cross_entropy를 float32로 실행합니다",
)
expect(
    model[0].weight.grad is not None
    and model[0].weight.grad.dtype == torch.float32,
    "the weights have no float32 gradient: call loss.backward() after "
    "the autocast block",
    "가중치에 float32 기울기가 없습니다. autocast 블록 다음에 "
    "loss.backward()를 호출하세요",
)
torch.manual_seed(0)
ref = torch.nn.Sequential(
    torch.nn.Linear(64, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10)
).to(device)
with torch.no_grad():
    want = torch.nn.functional.cross_entropy(ref(x), labels).item()
expect(
    abs(loss.item() - want) < 0.05,
    f"the loss is {loss.item():.4g}; in float32 it is {want:.4g}, and "
    "bfloat16 should stay within 0.05 of it",
    f"손실이 {loss.item():.4g}입니다. float32로는 {want:.4g}이고, "
    "bfloat16도 0.05 안에 들어야 합니다",
)
