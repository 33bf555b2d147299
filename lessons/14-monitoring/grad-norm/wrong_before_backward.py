# reason: 'NoneType' object has no attribute 'norm'
from torch import nn

torch.manual_seed(0)
x = torch.randn(128, 2, device=device)
labels = (x[:, 0] * x[:, 1] > 0).long()
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2)).to(
    device
)
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

grad_norms = []
for epoch in range(40):
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(x), labels)
    grad_norm = (
        torch.stack([p.grad.norm() for p in model.parameters()])
        .norm()
        .item()
    )
    loss.backward()
    grad_norms.append(grad_norm)
    track("loss", loss.item())
    track("grad_norm", grad_norm)
    track("lr", optimizer.param_groups[0]["lr"])
    optimizer.step()
print("grad norm:", grad_norms[0], "->", grad_norms[-1])
