# reason: save a cloned copy
from torch import nn

torch.manual_seed(0)
x_train = torch.rand(16, 1, device=device) * 2 - 1
y_train = torch.sin(3 * x_train) + 0.3 * torch.randn(
    16, 1, device=device
)
x_val = torch.rand(64, 1, device=device) * 2 - 1
y_val = torch.sin(3 * x_val) + 0.3 * torch.randn(64, 1, device=device)
model = nn.Sequential(
    nn.Linear(1, 128),
    nn.Tanh(),
    nn.Linear(128, 128),
    nn.Tanh(),
    nn.Linear(128, 1),
).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

val_losses = []
best_loss, best_epoch, best_state = float("inf"), None, None
for epoch in range(200):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x_train), y_train)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        val_loss = nn.functional.mse_loss(model(x_val), y_val).item()
    val_losses.append(val_loss)
    track("train", loss.item())
    track("validation", val_loss)
    if val_loss < best_loss:
        best_loss, best_epoch = val_loss, epoch
        best_state = model.state_dict()
print(
    "best epoch:",
    best_epoch,
    "validation loss there:",
    val_losses[best_epoch],
)
