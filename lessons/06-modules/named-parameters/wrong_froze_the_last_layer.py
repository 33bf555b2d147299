# reason: frozen parameters: ['2.weight', '2.bias']
from torch import nn

model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 2)).to(
    device
)
for name, p in model.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)

n_params = sum(p.numel() for p in model.parameters())
model[-1].requires_grad_(False)
n_trainable = sum(
    p.numel() for p in model.parameters() if p.requires_grad
)
print(n_params, n_trainable)
