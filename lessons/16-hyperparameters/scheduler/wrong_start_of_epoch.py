# reason: not at its start
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x = torch.randn(64, 3, device=device)
y = x.sum(dim=1, keepdim=True)
loader = DataLoader(
    TensorDataset(x, y), batch_size=16, shuffle=False, num_workers=0
)
model = nn.Linear(3, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(
    optimizer, step_size=10, gamma=0.5
)

lrs = []
for epoch in range(30):
    lrs.append(optimizer.param_groups[0]["lr"])
    track("lr", lrs[-1])
    scheduler.step()
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        optimizer.step()
    track("loss", loss.item())
print("lr per epoch:", lrs)
