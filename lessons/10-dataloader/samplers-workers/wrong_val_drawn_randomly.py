# reason: evaluation keeps a fixed order
import inspect

from torch.utils.data import (
    DataLoader,
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
sampler = SubsetRandomSampler(train_indices, generator=gen)
train_loader = DataLoader(
    dataset, batch_size=2, sampler=sampler, num_workers=0
)
val_loader = DataLoader(
    dataset,
    batch_size=2,
    sampler=SubsetRandomSampler(val_indices, generator=gen),
    num_workers=0,
)
seen = [i for (batch,) in train_loader for i in batch.tolist()]
print(
    "train:",
    seen,
    "validation:",
    [i for (batch,) in val_loader for i in batch.tolist()],
)
