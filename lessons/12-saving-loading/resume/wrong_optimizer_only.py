# reason: load ckpt['model'] too
import tempfile
from pathlib import Path

from torch import nn

x = torch.linspace(-1, 1, 32, device=device).unsqueeze(1)
y = 3 * x + 1


def fresh():
    torch.manual_seed(0)
    model = nn.Linear(1, 1).to(device)
    return model, torch.optim.Adam(model.parameters(), lr=0.1)


def train(model, optimizer, first, last, name):
    for epoch in range(first, last):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        track(name, loss.item())


model, optimizer = fresh()
train(model, optimizer, 0, 6, "straight")
straight_weight = model.weight.detach().clone()

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "checkpoint.pt"
    model, optimizer = fresh()
    train(model, optimizer, 0, 3, "resumed")
    torch.save(
        {
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "epoch": 3,
        },
        path,
    )

    model, optimizer = fresh()  # a new process starts from scratch
    ckpt = torch.load(path, weights_only=True, map_location=device)
    optimizer.load_state_dict(ckpt["optimizer"])
    start_epoch = ckpt["epoch"]
    train(model, optimizer, start_epoch, 6, "resumed")
resumed_weight = model.weight.detach().clone()
print(
    "straight:",
    straight_weight.item(),
    "resumed:",
    resumed_weight.item(),
)
