# reason: strict=False skips every key
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 2)
wrapped = nn.DataParallel(model)
print(list(wrapped.state_dict()))

plain = nn.Linear(4, 2)
plain.load_state_dict(wrapped.state_dict(), strict=False)
