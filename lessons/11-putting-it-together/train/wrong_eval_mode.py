# reason: Dropout was off
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

gen = torch.Generator().manual_seed(0)
points = torch.randn(500, 2, generator=gen)
labels = (points.pow(2).sum(dim=1) < 1.0).long()
train_set = TensorDataset(points[:400], labels[:400])
train_loader = DataLoader(
    train_set, batch_size=40, shuffle=True, generator=gen, num_workers=0
)

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(2, 16),
    nn.ReLU(),
    nn.Dropout(0.1),
    nn.Linear(16, 2),
).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.03)

epoch_losses = []
for epoch in range(15):
    model.eval()
    running = 0.0
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        outputs = model(xb)
        loss = criterion(outputs, yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * len(yb)
    epoch_losses.append(running / len(train_set))
print([round(v, 3) for v in epoch_losses[::3]])
