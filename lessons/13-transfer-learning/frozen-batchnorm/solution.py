from torch import nn


class Pretrained(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(
            nn.Linear(3, 16), nn.BatchNorm1d(16), nn.ReLU()
        )
        self.head = nn.Linear(16, 2)

    def forward(self, x):
        return self.head(self.backbone(x))


torch.manual_seed(0)
model = Pretrained().to(device)
bn = model.backbone[1]
# What pretraining left behind: the running statistics of its data,
# and the input normalisation its weights expect (per channel).
with torch.no_grad():
    bn.running_mean.copy_(torch.linspace(-0.5, 0.5, 16))
    bn.running_var.fill_(2.0)
mean = torch.tensor([120.0, 110.0, 100.0], device=device)
std = torch.tensor([60.0, 55.0, 50.0], device=device)


def prepare(images):
    return (images - mean) / std


for p in model.backbone.parameters():
    p.requires_grad_(False)
optimizer = torch.optim.Adam(model.head.parameters(), lr=0.05)
stats_before = bn.running_mean.clone()

images = torch.rand(64, 3, device=device) * 255  # raw pixel values
labels = (images[:, 0] > images[:, 1]).long()
for step in range(30):
    model.train()
    model.backbone.eval()  # frozen: keep its statistics too
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(prepare(images)), labels)
    loss.backward()
    optimizer.step()
    track("loss", loss.item())
moved = (bn.running_mean - stats_before).abs().max().item()
print("running_mean moved by", moved, "final loss", loss.item())
