# reason: still in training mode
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(4, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 1)
).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
x = torch.randn(64, 4, device=device)
y = x.sum(dim=1, keepdim=True)

history = []
for step in range(30):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    history.append(loss.item())

if device.type == "cuda":
    print("allocated MiB:", torch.cuda.memory_allocated() / 2**20)

new = torch.ones(2, 4, device=device)
with torch.inference_mode():
    first = model(new)
    second = model(new)
print(first.flatten().tolist(), second.flatten().tolist())
