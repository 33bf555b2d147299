# reason: still require grad
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

model.backbone.eval()

trainable = sum(
    p.numel() for p in model.parameters() if p.requires_grad
)
total = sum(p.numel() for p in model.parameters())
print(f"trainable {trainable} of {total}")
