# reason: layer.weight has shape (3, 2); keep nn.Linear's (out, in)
from torch import nn


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(
            torch.randn(in_features, out_features) * 0.1
        )
        self.bias = nn.Parameter(torch.zeros(out_features))

    def forward(self, x):
        return x @ self.weight + self.bias


torch.manual_seed(0)
layer = MyLinear(3, 2).to(device)
x = torch.randn(4, 3, device=device)
y = layer(x)
print(y.shape)
