expect(
    len(accuracies) == 60,
    f"accuracies has {len(accuracies)} entries; log one per epoch (60)",
    f"accuracies에 값이 {len(accuracies)}개 있습니다. 에포크마다 "
    "하나씩, 60개여야 합니다",
)
expect(
    all(isinstance(a, float) for a in accuracies),
    "log plain floats (.item()), not tensors",
    "텐서가 아니라 float(.item())로 기록하세요",
)
expect(
    all(0.0 <= a <= 1.0 for a in accuracies),
    f"accuracy reached {max(accuracies)}; a fraction of correct "
    "predictions lies between 0 and 1: divide by the number of samples",
    f"정확도가 {max(accuracies)}까지 올라갔습니다. 맞힌 비율은 0과 1 "
    "사이입니다. 샘플 수로 나누세요",
)
expect(
    accuracies[-1] > 0.85,
    f"the last accuracy is {accuracies[-1]:.2f}; the model should "
    "reach above 0.85",
    f"마지막 정확도가 {accuracies[-1]:.2f}입니다. 0.85를 넘어야 합니다",
)
