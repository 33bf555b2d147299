# reason: still computed gradients
from torch import nn


class Pretrained(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(
            nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU()
        )
        self.head = nn.Linear(16, 3)

    def forward(self, x):
        return self.head(self.backbone(x))


torch.manual_seed(0)
model = Pretrained().to(device)
x = torch.randn(64, 8, device=device)
labels = (x[:, 0] > 0).long() + (x[:, 1] > 0).long()
backbone_before = [
    p.detach().clone() for p in model.backbone.parameters()
]

optimizer = torch.optim.Adam(
    [p for p in model.parameters() if p.requires_grad], lr=0.05
)
losses = []
for step in range(40):
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(x), labels)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
for p in model.backbone.parameters():
    p.requires_grad_(False)
print("loss", losses[0], "->", losses[-1])
print(
    "backbone grads:",
    [p.grad is not None for p in model.backbone.parameters()],
)
