from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10, device=device))
world_size = 2
shards = {}
for rank in range(world_size):
    sampler = DistributedSampler(
        dataset, num_replicas=world_size, rank=0, shuffle=False
    )
    shards[rank] = list(sampler)
print(shards)
