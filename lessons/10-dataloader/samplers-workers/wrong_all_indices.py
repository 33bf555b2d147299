# reason: must not overlap the training split
import inspect

from torch.utils.data import (
    DataLoader,
    Subset,
    SubsetRandomSampler,
    TensorDataset,
)

for name in inspect.signature(DataLoader).parameters:
    print(name, end="  ")
print()

dataset = TensorDataset(torch.arange(10))
train_indices = [0, 2, 4, 6, 8]
val_indices = [1, 3, 5, 7, 9]
gen = torch.Generator().manual_seed(0)
sampler = SubsetRandomSampler(range(10), generator=gen)
train_loader = DataLoader(
    dataset, batch_size=2, sampler=sampler, num_workers=0
)
val_loader = DataLoader(
    Subset(dataset, val_indices),
    batch_size=2,
    shuffle=False,
    num_workers=0,
)
seen = [i for (batch,) in train_loader for i in batch.tolist()]
print(
    "train:",
    seen,
    "validation:",
    [i for (batch,) in val_loader for i in batch.tolist()],
)
