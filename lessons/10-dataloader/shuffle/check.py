expect(
    isinstance(loader.sampler, torch.utils.data.RandomSampler),
    f"loader uses {type(loader.sampler).__name__}; shuffle=True gives "
    "a RandomSampler",
    f"loader의 샘플러가 {type(loader.sampler).__name__}입니다. "
    "shuffle=True면 RandomSampler가 됩니다",
)
expect(
    len(epoch_orders) == 2
    and all(sorted(o) == list(range(8)) for o in epoch_orders),
    "each epoch should visit every index 0..7 exactly once",
    "각 에포크는 인덱스 0..7을 정확히 한 번씩 지나야 합니다",
)
expect(
    epoch_orders[0] != epoch_orders[1],
    f"both epochs came out as {epoch_orders[0]}; a shuffling loader "
    "reorders every epoch",
    f"두 에포크의 순서가 모두 {epoch_orders[0]}입니다. 셔플하는 "
    "loader는 에포크마다 순서를 바꿉니다",
)
