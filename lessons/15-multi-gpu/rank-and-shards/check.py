expect(
    sampler.num_replicas == world_size,
    f"the sampler splits the data into {sampler.num_replicas} shares, "
    "but 2 ranks train: num_replicas=world_size (a share left over is "
    "padded with repeated samples and nobody trains on the rest)",
    f"샘플러가 데이터를 {sampler.num_replicas}몫으로 나누지만 학습하는 "
    "rank는 2개입니다. num_replicas=world_size로 주세요(남는 몫은 "
    "반복된 샘플로 채워지고, 나머지는 아무도 학습하지 않습니다)",
)
expect(
    sorted(shards) == [0, 1],
    f"shards has ranks {sorted(shards)}; expected 0 and 1",
    f"shards의 rank가 {sorted(shards)}입니다. 0과 1이어야 합니다",
)
expect(
    not set(shards[0]) & set(shards[1]),
    "ranks 0 and 1 share samples "
    f"{sorted(set(shards[0]) & set(shards[1]))}; each rank needs its "
    "own",
    "rank 0과 1이 함께 받는 샘플이 있습니다: "
    f"{sorted(set(shards[0]) & set(shards[1]))}. rank마다 자기 몫이 "
    "있어야 합니다",
)
expect(
    sorted(shards[0] + shards[1]) == list(range(10)),
    "together the shards should cover all 10 samples once",
    "두 몫을 합치면 샘플 10개가 한 번씩 들어 있어야 합니다",
)
expect(
    sampler.rank == world_size - 1,
    f"the last sampler made (for rank 1) was told it is rank "
    f"{sampler.rank}: pass rank=rank, so each rank's sampler picks its "
    "own share",
    "마지막으로 만든 샘플러(rank 1용)가 아는 자기 rank는 "
    f"{sampler.rank}입니다. rank=rank를 넘겨서 rank마다 샘플러가 "
    "자기 몫을 고르게 하세요",
)
