expect(
    len(train_set) == 400 and len(test_set) == 100,
    "keep the split: 400 training points and 100 test points",
    "분할은 그대로 두세요: 학습용 400개, 테스트용 100개",
)
train_x = {tuple(p.tolist()) for p, _ in train_set}
shared = sum(tuple(p.tolist()) in train_x for p, _ in test_set)
expect(
    shared == 0,
    f"test_set shares {shared} points with train_set: a test split "
    "must not overlap the training split (points[:400] train, "
    "points[400:] test)",
    f"test_set과 train_set이 점 {shared}개를 함께 갖습니다. 테스트 "
    "분할은 학습 분할과 겹치면 안 됩니다(학습 points[:400], 테스트 "
    "points[400:])",
)
softmax = [m for m in model if isinstance(m, torch.nn.Softmax)]
expect(
    not softmax,
    "the model ends in a softmax, but nn.CrossEntropyLoss applies "
    "it itself: drop nn.Softmax and output raw logits",
    "모델이 softmax로 끝나지만 nn.CrossEntropyLoss가 softmax를 직접 "
    "합니다. nn.Softmax를 빼고 로짓을 그대로 내보내세요",
)
last = model[-1]
expect(
    isinstance(last, torch.nn.Linear) and last.out_features == 2,
    "the last layer should be nn.Linear(16, 2), one logit per class "
    f"(found {last})",
    "마지막 레이어는 클래스마다 로짓을 하나씩 내는 nn.Linear(16, "
    f"2)여야 합니다({last}입니다)",
)
expect(
    tuple(outputs.shape) == (len(xb), 2),
    f"outputs has shape {tuple(outputs.shape)}; expected ({len(xb)}, "
    "2)",
    f"outputs의 모양이 {tuple(outputs.shape)}입니다. ({len(xb)}, "
    "2)여야 합니다",
)
want = torch.nn.functional.cross_entropy(
    outputs.detach(), yb.to(outputs.device)
)
expect(
    abs(loss.item() - want.item()) < 1e-5,
    f"loss is {loss.item():.4g}; cross-entropy of outputs and yb is "
    f"{want.item():.4g}",
    f"loss가 {loss.item():.4g}입니다. outputs와 yb의 교차 엔트로피는 "
    f"{want.item():.4g}입니다",
)
