expect(
    len(train_set) == 400 and len(test_set) == 100,
    "keep the split: 400 training points and 100 test points",
    "분할은 그대로 두세요: 학습용 400개, 테스트용 100개",
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
    f"loss is {loss.item():.4f}; cross-entropy of outputs and yb is "
    f"{want.item():.4f}",
    f"loss가 {loss.item():.4f}입니다. outputs와 yb의 교차 엔트로피는 "
    f"{want.item():.4f}입니다",
)
