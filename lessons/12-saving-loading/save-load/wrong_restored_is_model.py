# reason: restored should be a new nn.Linear
import tempfile
from pathlib import Path

from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).to(device)

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "model.pt"
    torch.save(model.state_dict(), path)
    loaded = torch.load(path, weights_only=True, map_location=device)

restored = model
print(type(loaded).__name__, list(loaded))
