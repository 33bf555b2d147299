# reason: expected 0.001
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
optimizer = torch.optim.SGD(
    [
        {"params": model.backbone.parameters()},
        {"params": model.head.parameters(), "lr": 0.001},
    ],
    lr=0.1,
)

for group in optimizer.param_groups:
    print(len(group["params"]), "tensors at lr", group["lr"])
