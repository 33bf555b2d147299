lowest = min(range(len(val_losses)), key=val_losses.__getitem__)
expect(
    val_losses[-1] > val_losses[lowest] * 1.1,
    "the validation loss should climb again after its lowest point; "
    "keep the lesson's data and model",
    "검증 손실은 가장 낮은 지점을 지나 다시 올라가야 합니다. 레슨의 "
    "데이터와 모델을 그대로 두세요",
)
expect(
    best_epoch == lowest,
    f"best_epoch is {best_epoch}; the validation loss is lowest at "
    f"epoch {lowest}",
    f"best_epoch가 {best_epoch}입니다. 검증 손실은 {lowest} "
    "에포크에서 가장 낮습니다",
)
restored = torch.nn.Sequential(
    torch.nn.Linear(1, 128),
    torch.nn.Tanh(),
    torch.nn.Linear(128, 128),
    torch.nn.Tanh(),
    torch.nn.Linear(128, 1),
).to(device)
restored.load_state_dict(best_state)
with torch.no_grad():
    kept = torch.nn.functional.mse_loss(restored(x_val), y_val).item()
expect(
    abs(kept - val_losses[lowest]) < 1e-4,
    f"best_state gives a validation loss of {kept:.4f}, not the best "
    f"{val_losses[lowest]:.4f}: "
    "save a cloned copy at the best epoch",
    f"best_state의 검증 손실이 {kept:.4f}로, "
    f"최저값({val_losses[lowest]:.4f})이 아닙니다. "
    "최적 에포크에서 clone한 복사본을 저장하세요",
)
