from torch import nn


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(
            torch.randn(out_features, in_features) * 0.1
        )
        self.bias = nn.Parameter(torch.zeros(out_features))

    def forward(self, x):
        return x @ self.weight.T + self.bias


torch.manual_seed(0)
layer = MyLinear(3, 2).to(device)
x = torch.randn(4, 3, device=device)
y = layer(x)
print(y.shape)
