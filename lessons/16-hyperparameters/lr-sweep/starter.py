from torch import nn

torch.manual_seed(0)
x = torch.rand(64, 1, device=device) * 2 - 1
y = 2 * x + 1 + 0.1 * torch.randn(64, 1, device=device)

lrs = [0.003, 0.03, 0.3, 1.5]
final = {}
torch.manual_seed(1)
model = nn.Linear(1, 1).to(device)
for lr in lrs:
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for step in range(30):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        track(f"lr={lr}", loss.item())
    final[lr] = loss.item()
best_lr = lrs[0]
print(final, "best:", best_lr)
