# reason: the new head is frozen
from torch import nn


class Pretrained(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(
            nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU()
        )
        self.head = nn.Linear(16, 10)

    def forward(self, x):
        return self.head(self.backbone(x))


torch.manual_seed(0)
model = Pretrained().to(device)
for p in model.backbone.parameters():
    p.requires_grad_(False)

model.head = nn.Linear(model.head.in_features, 3).to(device)
for p in model.parameters():
    p.requires_grad_(False)

x = torch.randn(5, 8, device=device)
logits = model(x)
print(logits.shape)
