# reason: applies it itself
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

gen = torch.Generator().manual_seed(0)
points = torch.randn(500, 2, generator=gen)
labels = (
    points.pow(2).sum(dim=1) < 1.0
).long()  # 1 inside the unit circle
train_set = TensorDataset(points[:400], labels[:400])
test_set = TensorDataset(points[400:], labels[400:])
train_loader = DataLoader(
    train_set, batch_size=40, shuffle=True, generator=gen, num_workers=0
)
test_loader = DataLoader(
    test_set, batch_size=100, shuffle=False, num_workers=0
)

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(2, 16),
    nn.ReLU(),
    nn.Dropout(0.1),
    nn.Linear(16, 2),
    nn.Softmax(dim=1),
).to(device)
criterion = nn.CrossEntropyLoss()

xb, yb = next(iter(train_loader))
outputs = model(xb.to(device))
loss = criterion(outputs, yb.to(device))
print(model)
print("outputs", tuple(outputs.shape), "loss", loss.item())
