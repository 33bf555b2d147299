def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


graphs = [h for h in history if getattr(h, "grad_fn", None) is not None]
expect(
    not graphs,
    f"history keeps {len(graphs)} losses, each holding its whole graph "
    "alive; append loss.item()",
    f"history가 손실 {len(graphs)}개를 쥐고 있고, 하나하나 그래프 "
    "전체를 살려 둡니다. loss.item()을 넣으세요",
)
kept = [type(h).__name__ for h in history if not isinstance(h, float)]
expect(
    not kept,
    f"history keeps {len(kept)} {kept[0] if kept else ''} objects; "
    "append loss.item(), a plain float",
    f"history가 {kept[0] if kept else ''} 객체 {len(kept)}개를 쥐고 "
    "있습니다. 평범한 float인 loss.item()을 넣으세요",
)
expect(
    not model.training,
    "the model is still in training mode: call model.eval() before "
    "predicting",
    "모델이 아직 학습 모드입니다. 예측하기 전에 model.eval()을 "
    "호출하세요",
)
expect(
    torch.equal(first, second),
    "two predictions on the same input differ "
    f"({r4(first)} vs {r4(second)}): "
    "dropout is still on",
    f"같은 입력에 대한 두 예측이 다릅니다({r4(first)}, "
    f"{r4(second)}). dropout이 아직 켜져 있습니다",
)
expect(
    not first.requires_grad and first.grad_fn is None,
    "the predictions still carry a graph: predict inside "
    "torch.inference_mode() (or torch.no_grad())",
    "예측이 아직 그래프를 달고 있습니다. torch.inference_mode()(또는 "
    "torch.no_grad()) 안에서 예측하세요",
)
