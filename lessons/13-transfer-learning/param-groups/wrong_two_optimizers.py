# reason: in no param group
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
backbone_optimizer = torch.optim.SGD(
    model.backbone.parameters(), lr=0.001
)
optimizer = torch.optim.SGD(model.head.parameters(), lr=0.1)

for group in optimizer.param_groups:
    print(len(group["params"]), "tensors at lr", group["lr"])
