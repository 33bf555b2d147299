# reason: shuffle=True gives a RandomSampler
from torch.utils.data import DataLoader, TensorDataset

gen = torch.Generator().manual_seed(0)
dataset = TensorDataset(torch.randperm(8, generator=gen))
loader = DataLoader(
    dataset, batch_size=4, shuffle=False, generator=gen, num_workers=0
)

epoch_orders = []
for epoch in range(2):
    order = [i for (batch,) in loader for i in batch.tolist()]
    epoch_orders.append(order)
    print("epoch", epoch, order)
