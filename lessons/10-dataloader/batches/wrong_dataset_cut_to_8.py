# reason: keep all 10
from torch.utils.data import DataLoader, TensorDataset

features = torch.arange(20.0).reshape(10, 2)
targets = torch.arange(10)
dataset = TensorDataset(features[:8], targets[:8])

loader = DataLoader(
    dataset, batch_size=4, drop_last=True, num_workers=0
)
for xb, yb in loader:
    print(tuple(xb.shape), yb.tolist())
print("batches per epoch:", len(loader))
