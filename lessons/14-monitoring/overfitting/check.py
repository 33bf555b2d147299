def r4(values):
    return [float(f"{v:.4g}") for v in values]


# The validation losses replayed here, on the held-out points: a
# "validation" loss taken on the training points never turns.
torch.manual_seed(0)
ref_xt = torch.rand(16, 1, device=device) * 2 - 1
ref_yt = torch.sin(3 * ref_xt) + 0.3 * torch.randn(16, 1, device=device)
ref_xv = torch.rand(64, 1, device=device) * 2 - 1
ref_yv = torch.sin(3 * ref_xv) + 0.3 * torch.randn(64, 1, device=device)
ref = torch.nn.Sequential(
    torch.nn.Linear(1, 128),
    torch.nn.Tanh(),
    torch.nn.Linear(128, 128),
    torch.nn.Tanh(),
    torch.nn.Linear(128, 1),
).to(device)
ref_opt = torch.optim.Adam(ref.parameters(), lr=0.01)
ref_val = []
for epoch in range(200):
    ref_opt.zero_grad()
    torch.nn.functional.mse_loss(ref(ref_xt), ref_yt).backward()
    ref_opt.step()
    with torch.no_grad():
        ref_val.append(
            torch.nn.functional.mse_loss(ref(ref_xv), ref_yv).item()
        )
expect(
    len(val_losses) == 200
    and all(
        abs(a - b) < 1e-4 * max(1.0, b)
        for a, b in zip(val_losses, ref_val)
    ),
    f"val_losses starts {r4(val_losses[:3])}; "
    "the loss on the held-out points (x_val, y_val) after each epoch "
    f"starts {r4(ref_val[:3])}",
    f"val_losses의 처음 세 값이 {r4(val_losses[:3])}입니다. "
    "에포크마다 따로 둔 점(x_val, y_val)에 대한 손실을 구하면 처음 "
    f"세 값이 {r4(ref_val[:3])}입니다",
)
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
    f"best_state gives a validation loss of {kept:.4g}, not the best "
    f"{val_losses[lowest]:.4g}: "
    "save a cloned copy at the best epoch",
    f"best_state의 검증 손실이 {kept:.4g}입니다. "
    f"최저값({val_losses[lowest]:.4g})이어야 합니다. "
    "최적 에포크에서 clone한 복사본을 저장하세요",
)
