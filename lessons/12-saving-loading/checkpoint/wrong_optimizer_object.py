# reason: Weights only load failed
import tempfile
from pathlib import Path

from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
x = torch.randn(16, 2, device=device)
y = x @ torch.tensor([[2.0], [-1.0]], device=device)

epochs = 3
for epoch in range(epochs):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()

checkpoint = {
    "model": model.state_dict(),
    "optimizer": optimizer,
    "epoch": epochs,
}
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "checkpoint.pt"
    torch.save(checkpoint, path)
    loaded = torch.load(path, weights_only=True, map_location=device)
print(sorted(loaded))
