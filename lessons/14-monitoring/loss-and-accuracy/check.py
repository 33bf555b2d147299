expect(
    len(accuracies) == 60,
    f"accuracies has {len(accuracies)} entries; log one per epoch (60)",
    f"accuracies에 값이 {len(accuracies)}개 있습니다. 에포크마다 "
    "하나씩, 60개여야 합니다",
)
expect(
    not any(isinstance(a, torch.Tensor) for a in accuracies),
    "accuracies holds tensors: log plain floats with .item()",
    "accuracies에 텐서가 들어 있습니다. .item()으로 꺼낸 float를 "
    "기록하세요",
)
expect(
    all(0.0 <= a <= 1.0 for a in accuracies),
    f"accuracy reached {max(accuracies):.4g}; a fraction of correct "
    "predictions lies between 0 and 1: divide by the number of samples",
    f"정확도가 {max(accuracies):.4g}까지 올라갔습니다. 맞힌 비율은 0과 "
    "1 사이입니다. 샘플 수로 나누세요",
)
# The same 60 epochs replayed here: each logged value must be that
# epoch's fraction of correct predictions.
torch.manual_seed(0)
ref_x = torch.randn(128, 2, device=device)
ref_labels = (ref_x[:, 0] * ref_x[:, 1] > 0).long()
ref = torch.nn.Sequential(
    torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2)
).to(device)
ref_opt = torch.optim.Adam(ref.parameters(), lr=0.05)
want = []
for epoch in range(60):
    ref_opt.zero_grad()
    ref_logits = ref(ref_x)
    torch.nn.functional.cross_entropy(ref_logits, ref_labels).backward()
    ref_opt.step()
    hits = ref_logits.argmax(dim=1) == ref_labels
    want.append(hits.float().mean().item())
off = [k for k in range(60) if abs(accuracies[k] - want[k]) > 1e-6]
k = off[0] if off else 0
expect(
    not off,
    f"accuracies[{k}] is {accuracies[k]:.4g}; the fraction of correct "
    f"predictions in epoch {k} is {want[k]:.4g} "
    "((logits.argmax(dim=1) == labels).float().mean())",
    f"accuracies[{k}]가 {accuracies[k]:.4g}입니다. {k} 에포크에서 "
    f"맞힌 예측의 비율은 {want[k]:.4g}입니다"
    "((logits.argmax(dim=1) == labels).float().mean())",
)
expect(
    accuracies[-1] > 0.85,
    f"the last accuracy is {accuracies[-1]:.4g}; the model should "
    "reach above 0.85",
    f"마지막 정확도가 {accuracies[-1]:.4g}입니다. 0.85를 넘어야 합니다",
)
