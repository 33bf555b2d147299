# reason: model has 0 parameter tensors
from torch import nn


class TwoLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(4, 8), nn.Linear(8, 1)]

    def forward(self, x):
        hidden, out = self.layers
        return out(torch.relu(hidden(x)))


torch.manual_seed(0)
model = TwoLayer().to(device)
batch = torch.randn(5, 4, device=device)
preds = model(batch)
print(model)
