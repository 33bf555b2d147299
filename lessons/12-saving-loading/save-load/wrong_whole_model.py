# reason: Expected state_dict to be dict-like
import tempfile
from pathlib import Path

from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).to(device)

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "model.pt"
    torch.save(model, path)
    loaded = torch.load(path, weights_only=False, map_location=device)

restored = nn.Linear(3, 1).to(device)
restored.load_state_dict(loaded)
print(type(loaded).__name__, list(loaded))
