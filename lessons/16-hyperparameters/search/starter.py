from torch import nn

torch.manual_seed(0)


def features(x):  # x, x², ..., x⁸: flexible enough to over-fit
    return torch.cat([x**k for k in range(1, 9)], dim=1)


x_train = torch.rand(12, 1, device=device) * 2 - 1
y_train = torch.sin(3 * x_train) + 0.2 * torch.randn(
    12, 1, device=device
)
x_val = torch.rand(100, 1, device=device) * 2 - 1
y_val = torch.sin(3 * x_val) + 0.2 * torch.randn(100, 1, device=device)


def fit(lr, weight_decay):
    torch.manual_seed(1)
    model = nn.Linear(8, 1).to(device)
    optimizer = torch.optim.Adam(
        model.parameters(), lr=lr, weight_decay=weight_decay
    )
    for step in range(200):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(features(x_train)), y_train)
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        val = nn.functional.mse_loss(model(features(x_val)), y_val)
    return {
        "lr": lr,
        "weight_decay": weight_decay,
        "train": loss.item(),
        "val": val.item(),
    }


results = []
for lr in (0.001, 0.01, 0.1):  # grid: 3 values each, 9 runs
    for weight_decay in (0.0, 0.1, 1.0):
        results.append(fit(lr, weight_decay))
gen = torch.Generator().manual_seed(2)
for run in range(9):  # random: 9 runs, 9 values each, log-uniform
    lr = 10 ** (-2.5 + 2 * torch.rand(1, generator=gen).item())
    weight_decay = 10 ** (-3 + 2 * torch.rand(1, generator=gen).item())
    results.append(fit(lr, weight_decay))

best = min(results, key=lambda r: r["train"])
print("grid lrs:", sorted({r["lr"] for r in results[:9]}))
print("random lrs:", sorted(round(r["lr"], 4) for r in results[9:]))
print("best:", {k: round(v, 4) for k, v in best.items()})
