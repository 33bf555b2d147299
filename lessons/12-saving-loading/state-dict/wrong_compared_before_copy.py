# reason: compute it after copying
from torch import nn


def make_model():
    return nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)
    ).to(device)


torch.manual_seed(0)
model = make_model()
torch.manual_seed(1)
twin = make_model()

for name, tensor in model.state_dict().items():
    print(name, tuple(tensor.shape))

x = torch.ones(3, 4, device=device)
same = torch.equal(model(x), twin(x))
twin.load_state_dict(model.state_dict())
print("same outputs:", same)
