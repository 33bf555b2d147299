expect(
    len(epoch_losses) == 15,
    f"epoch_losses has {len(epoch_losses)} entries; train for 15 "
    "epochs",
    f"epoch_losses에 값이 {len(epoch_losses)}개 있습니다. 15 에포크 "
    "동안 학습하세요",
)
expect(
    any(p.grad is not None for p in model.parameters()),
    "no parameter has a gradient after training: loss.backward() "
    "never ran, or zero_grad() came after it and cleared .grad "
    "before step() could use it",
    "학습이 끝났는데 기울기가 있는 파라미터가 없습니다. "
    "loss.backward()가 실행되지 않았거나, 그 뒤에 zero_grad()가 "
    "와서 step()이 쓰기 전에 .grad를 지웠습니다",
)
torch.manual_seed(0)
untrained = torch.nn.Sequential(
    torch.nn.Linear(2, 16),
    torch.nn.ReLU(),
    torch.nn.Dropout(0.1),
    torch.nn.Linear(16, 2),
).to(device)
unchanged = all(
    torch.equal(a, b)
    for a, b in zip(model.parameters(), untrained.parameters())
)
expect(
    not unchanged,
    "the weights are exactly as they started: optimizer.step() never "
    "ran, or found no gradient (it must come after loss.backward(), "
    "with no zero_grad() in between)",
    "가중치가 처음 그대로입니다. optimizer.step()이 실행되지 않았거나 "
    "기울기를 찾지 못했습니다(loss.backward() 다음에, 사이에 "
    "zero_grad() 없이 실행해야 합니다)",
)
expect(
    model.training,
    "the model is in eval mode after training: Dropout was off while "
    "it learned; call model.train() at the start of each epoch",
    "학습이 끝났는데 모델이 평가 모드입니다. 학습하는 동안 Dropout이 "
    "꺼져 있었습니다. 에포크마다 처음에 model.train()을 호출하세요",
)
# Gradients left to pile up across batches (no zero_grad) end far
# larger than any one batch's gradient.
held = torch.stack(
    [p.grad.norm() for p in model.parameters() if p.grad is not None]
).norm()
probe = [
    p.detach().clone().requires_grad_() for p in model.parameters()
]
x40 = points[:40].to(device)
h = torch.relu(x40 @ probe[0].T + probe[1])
fresh = torch.autograd.grad(
    torch.nn.functional.cross_entropy(
        h @ probe[2].T + probe[3], labels[:40].to(device)
    ),
    probe,
)
one = torch.stack([g.norm() for g in fresh]).norm()
times = (held / one).item()
expect(
    times < 25,
    f"the gradient left in .grad is {times:.4g} times "
    "one batch's: gradients pile up across batches; call "
    "optimizer.zero_grad() before each forward pass",
    f".grad에 남은 기울기가 배치 하나의 {times:.4g}배입니다. "
    "기울기가 배치마다 쌓이고 있습니다. 순전파 전마다 "
    "optimizer.zero_grad()를 호출하세요",
)
expect(
    epoch_losses[-1] < 0.5 * epoch_losses[0],
    f"the epoch loss went from {epoch_losses[0]:.4g} to "
    f"{epoch_losses[-1]:.4g}; it should fall below "
    f"{0.5 * epoch_losses[0]:.4g} (the five lines run once per "
    "batch)",
    f"에포크 손실이 처음 {epoch_losses[0]:.4g}, 마지막 "
    f"{epoch_losses[-1]:.4g}입니다. {0.5 * epoch_losses[0]:.4g}보다 "
    "작아져야 합니다(다섯 줄은 배치마다 한 번 실행합니다)",
)
model_was_training = model.training
model.eval()
with torch.no_grad():
    x_all, y_all = points[:400].to(device), labels[:400].to(device)
    train_acc = (
        (model(x_all).argmax(dim=1) == y_all).float().mean().item()
    )
model.train(model_was_training)
expect(
    train_acc > 0.85,
    f"the trained model gets {train_acc:.0%} of the training points "
    "right; expected more than 85%",
    f"학습한 모델이 학습 데이터의 {train_acc:.0%}만 맞힙니다. 85%보다 "
    "높아야 합니다",
)
