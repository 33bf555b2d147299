from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10)
).to(device)
x = torch.randn(32, 64, device=device)
labels = torch.randint(0, 10, (32,), device=device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

optimizer.zero_grad()
logits = model(x)
loss = nn.functional.cross_entropy(logits, labels)
# backward() outside autocast: each gradient takes its op's type
loss.backward()
optimizer.step()
print("logits", logits.dtype, "loss", loss.dtype)
print(
    "weights", model[0].weight.dtype, "grad", model[0].weight.grad.dtype
)
