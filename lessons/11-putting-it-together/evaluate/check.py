expect(
    not model.training,
    "model is still in training mode: call model.eval() before "
    "evaluating",
    "model이 아직 학습 모드입니다. 평가하기 전에 model.eval()을 "
    "호출하세요",
)
with torch.no_grad():
    x_test, y_test = points[400:].to(device), labels[400:].to(device)
    want = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
expect(
    abs(accuracy - want) < 1e-6,
    f"accuracy is {accuracy}; the model in eval mode gets {want:.2f} "
    "of the test points right",
    f"accuracy가 {accuracy}입니다. 평가 모드 모델의 테스트 정확도는 "
    f"{want:.2f}입니다",
)
expect(
    accuracy > 0.85,
    f"test accuracy is {accuracy:.0%}; a trained model should beat 85%",
    f"테스트 정확도가 {accuracy:.0%}입니다. 학습한 모델이라면 85%를 "
    "넘어야 합니다",
)
