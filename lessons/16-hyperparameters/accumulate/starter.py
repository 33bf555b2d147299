from torch import nn

torch.manual_seed(0)
model = nn.Linear(5, 1).to(device)
x = torch.randn(32, 5, device=device)
y = torch.randn(32, 1, device=device)
accum_steps = 4

model.zero_grad()
nn.functional.mse_loss(model(x), y).backward()
full = model.weight.grad.clone()

model.zero_grad()
for xb, yb in zip(x.chunk(accum_steps), y.chunk(accum_steps)):
    loss = nn.functional.mse_loss(model(xb), yb)
    loss.backward()
accumulated = model.weight.grad.clone()
print("full:", full, "accumulated:", accumulated, sep="\n")
