# reason: writer is still open
import tempfile

from torch import nn

# torch's writer needs the tensorboard package.
try:
    from torch.utils.tensorboard import SummaryWriter
except ImportError as err:
    raise ImportError(
        "this step needs the tensorboard package: "
        "pip install tensorboard"
    ) from err

torch.manual_seed(0)
x = torch.randn(128, 2, device=device)
labels = (x[:, 0] * x[:, 1] > 0).long()
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2)).to(
    device
)
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

log_dir = tempfile.mkdtemp(prefix="studytorch-runs-")
writer = SummaryWriter(log_dir)
for epoch in range(20):
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(x), labels)
    loss.backward()
    optimizer.step()
    writer.add_scalar("loss", loss.item(), epoch)
    writer.add_histogram("layer0.weight", model[0].weight, epoch)
writer.flush()
print("tensorboard --logdir", log_dir)
