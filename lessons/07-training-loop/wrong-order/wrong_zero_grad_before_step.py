# reason: the weights never changed
from torch import nn

model = nn.Linear(1, 1).to(device)
with torch.no_grad():
    model.weight.fill_(0.0)
    model.bias.fill_(0.0)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
criterion = nn.MSELoss()
inputs = torch.tensor([[1.0], [2.0], [3.0]], device=device)
labels = torch.tensor([[2.0], [4.0], [6.0]], device=device)

losses = []
for epoch in range(20):
    outputs = model(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
    losses.append(loss.item())
print("losses", [round(v, 3) for v in losses[::5]])
