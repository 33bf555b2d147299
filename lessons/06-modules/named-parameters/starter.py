from torch import nn

model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 2)).to(
    device
)
for name, p in model.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)

n_params = len(list(model.parameters()))
n_trainable = n_params
print(n_params, n_trainable)
