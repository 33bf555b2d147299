# reason: both epochs came out as
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(8))

epoch_orders = []
for epoch in range(2):
    gen = torch.Generator().manual_seed(0)
    loader = DataLoader(
        dataset,
        batch_size=4,
        shuffle=True,
        generator=gen,
        num_workers=0,
    )
    order = [i for (batch,) in loader for i in batch.tolist()]
    epoch_orders.append(order)
    print("epoch", epoch, order)
