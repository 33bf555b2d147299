expect(
    len(epoch_losses) == 15,
    f"epoch_losses has {len(epoch_losses)} entries; train for 15 "
    "epochs",
    f"epoch_losses에 값이 {len(epoch_losses)}개 있습니다. 15 에포크 "
    "동안 학습하세요",
)
expect(
    any(p.grad is not None for p in model.parameters()),
    "no parameter has a gradient: call loss.backward() for every batch",
    "기울기가 있는 파라미터가 없습니다. 배치마다 loss.backward()를 "
    "호출하세요",
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
    "the weights are exactly as they started: the gradients were "
    "computed but optimizer.step() never ran",
    "가중치가 처음 그대로입니다. 기울기는 계산했지만 "
    "optimizer.step()이 한 번도 실행되지 않았습니다",
)
expect(
    epoch_losses[-1] < 0.5 * epoch_losses[0],
    f"the epoch loss went from {epoch_losses[0]:.3f} to "
    f"{epoch_losses[-1]:.3f}; it should fall below "
    f"{0.5 * epoch_losses[0]:.3f}",
    f"에포크 손실이 처음 {epoch_losses[0]:.3f}, 마지막 "
    f"{epoch_losses[-1]:.3f}입니다. {0.5 * epoch_losses[0]:.3f}보다 "
    "작아져야 합니다",
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
