# reason: plain should be its own nn.Linear
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 2)
wrapped = nn.DataParallel(model)
print(list(wrapped.state_dict()))

plain = wrapped.module
