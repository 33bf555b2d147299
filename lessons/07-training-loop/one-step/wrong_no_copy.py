# reason: w_before is model.weight itself
from torch import nn

torch.manual_seed(0)
model = nn.Linear(1, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
criterion = nn.MSELoss()
inputs = torch.tensor([[1.0], [2.0], [3.0]], device=device)
labels = torch.tensor([[2.0], [4.0], [6.0]], device=device)

w_before = model.weight.detach()
optimizer.zero_grad()
outputs = model(inputs)
loss = criterion(outputs, labels)
loss.backward()
grad = model.weight.grad.detach().clone()
optimizer.step()
w_after = model.weight.detach().clone()
print(
    "before:",
    w_before.item(),
    "grad:",
    grad.item(),
    "after:",
    w_after.item(),
)
