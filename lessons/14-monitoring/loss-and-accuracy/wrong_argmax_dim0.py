# reason: must match the size
from torch import nn

torch.manual_seed(0)
x = torch.randn(128, 2, device=device)
labels = (x[:, 0] * x[:, 1] > 0).long()
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2)).to(
    device
)
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

accuracies = []
for epoch in range(60):
    optimizer.zero_grad()
    logits = model(x)
    loss = nn.functional.cross_entropy(logits, labels)
    loss.backward()
    optimizer.step()
    accuracy = (logits.argmax(dim=0) == labels).float().mean().item()
    accuracies.append(accuracy)
    track("loss", loss.item())
    track("accuracy", accuracy)
print("accuracy:", accuracies[0], "->", accuracies[-1])
