from torch import nn

torch.manual_seed(0)
model = nn.Linear(1, 1).to(device)
criterion = nn.MSELoss()
inputs = torch.tensor([[1.0], [2.0], [3.0]], device=device)
labels = torch.tensor([[2.0], [4.0], [6.0]], device=device)
lr = 0.1

before = [p.detach().clone() for p in model.parameters()]
model.zero_grad()
outputs = model(inputs)
loss = criterion(outputs, labels)
loss.backward()
grads = [p.grad.detach().clone() for p in model.parameters()]
with torch.no_grad():
    for p in model.parameters():
        p -= lr * p.grad
after = [p.detach().clone() for p in model.parameters()]
print(before, grads, after, sep="\n")
