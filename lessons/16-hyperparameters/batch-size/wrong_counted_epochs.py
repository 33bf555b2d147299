# reason: updates is
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x = torch.randn(256, 4, device=device)
y = x @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]], device=device)
dataset = TensorDataset(x, y)

updates, final_loss = {}, {}
for batch_size in (8, 128):
    torch.manual_seed(1)
    model = nn.Linear(4, 1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    loader = DataLoader(
        dataset, batch_size=batch_size, shuffle=True, num_workers=0
    )
    updates[batch_size] = 0
    for epoch in range(3):
        updates[batch_size] += 1
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
            track(f"batch={batch_size}", loss.item())
    with torch.no_grad():
        final_loss[batch_size] = nn.functional.mse_loss(
            model(x), y
        ).item()
print("updates:", updates, "final loss:", final_loss)
