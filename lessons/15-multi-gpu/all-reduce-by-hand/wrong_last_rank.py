# reason: one rank's local gradient
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).to(device)
x = torch.randn(8, 3, device=device)
y = torch.randn(8, 1, device=device)


def weight_grad(inputs, targets):
    model.zero_grad()
    nn.functional.mse_loss(model(inputs), targets).backward()
    return model.weight.grad.clone()


world_size = 2
local = [
    weight_grad(
        x[rank * 4 : (rank + 1) * 4], y[rank * 4 : (rank + 1) * 4]
    )
    for rank in range(world_size)
]
averaged = local[-1]
full = weight_grad(x, y)
print(
    "rank 0:",
    local[0],
    "rank 1:",
    local[1],
    "averaged:",
    averaged,
    "full:",
    full,
    sep="\n",
)
