from torch import nn


class TwoStage(nn.Module):
    """The first layers on dev0, the last one on dev1."""

    def __init__(self, dev0, dev1):
        super().__init__()
        self.dev0, self.dev1 = dev0, dev1
        self.first = nn.Sequential(nn.Linear(4, 8), nn.ReLU()).to(dev0)
        self.second = nn.Linear(8, 2).to(dev1)

    def forward(self, x):
        h = self.first(x.to(self.dev0))
        return self.second(h)


# On two GPUs the devices would be cuda:0 and cuda:1.
# Here the first stage stays on the CPU and the second goes to `device`
# (the same CPU on a machine without a GPU).
torch.manual_seed(0)
model = TwoStage(torch.device("cpu"), device)
out = model(torch.randn(5, 4))
print(tuple(out.shape), out.device)
