# reason: num_replicas=world_size
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10, device=device))
world_size = 2
shards = {}
for rank in range(world_size):
    sampler = DistributedSampler(
        dataset, num_replicas=3, rank=rank, shuffle=False
    )
    shards[rank] = list(sampler)
print(shards)
