# reason: the registered parameters are ['offset']
from torch import nn


class Scale(nn.Module):
    def __init__(self, size):
        super().__init__()
        self.factor = torch.ones(size, requires_grad=True)
        self.offset = nn.Parameter(torch.zeros(size))

    def forward(self, x):
        return x * self.factor + self.offset


model = Scale(3).to(device)
names = [name for name, _ in model.named_parameters()]
print(names)
print(
    type(model.factor), model.factor.device, model.factor.requires_grad
)
