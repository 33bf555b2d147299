expect(
    not model.training,
    "model is still in training mode: call model.eval() before "
    "evaluating",
    "model이 아직 학습 모드입니다. 평가하기 전에 model.eval()을 "
    "호출하세요",
)
# The test points, made again here rather than read from the snippet.
ref_points = torch.randn(
    500, 2, generator=torch.Generator().manual_seed(0)
)
ref_labels = (ref_points.pow(2).sum(dim=1) < 1.0).long()
with torch.no_grad():
    x_test = ref_points[400:].to(device)
    y_test = ref_labels[400:].to(device)
    want = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
expect(
    abs(accuracy - want) < 1e-6,
    f"accuracy is {accuracy:.4g}; the model in eval mode gets "
    f"{want:.4g} of the test points right (correct / number of test "
    "points)",
    f"accuracy가 {accuracy:.4g}입니다. 평가 모드 모델의 테스트 "
    f"정확도는 {want:.4g}입니다(맞힌 개수 / 테스트 점의 수)",
)
expect(
    accuracy > 0.85,
    f"test accuracy is {accuracy:.0%}; a trained model should beat 85%",
    f"테스트 정확도가 {accuracy:.0%}입니다. 학습한 모델이라면 85%를 "
    "넘어야 합니다",
)
