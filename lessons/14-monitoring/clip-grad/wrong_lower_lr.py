# reason: keep the lr and clip
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 3, device=device) * 10
y = x @ torch.tensor([[1.0], [-2.0], [3.0]], device=device)
model = nn.Linear(3, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.002)

losses = []
for step in range(50):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    track(
        "loss", min(loss.item(), 1e4)
    )  # capped so the curve stays readable
print("loss:", losses[0], "->", losses[-1])
