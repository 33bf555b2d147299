from torch.utils.data import SubsetRandomSampler

expect(
    isinstance(train_loader.sampler, SubsetRandomSampler),
    f"train_loader uses {type(train_loader.sampler).__name__}; pass "
    "sampler=SubsetRandomSampler(train_indices)",
    "train_loader의 샘플러가 "
    f"{type(train_loader.sampler).__name__}입니다. "
    "sampler=SubsetRandomSampler(train_indices)를 넘기세요",
)
expect(
    train_loader.num_workers == 0,
    "lessons use num_workers=0",
    "레슨에서는 num_workers=0을 씁니다",
)
again = [i for (batch,) in train_loader for i in batch.tolist()]
ordered = [i for (batch,) in val_loader for i in batch.tolist()]
shared = sorted(set(again) & set(ordered))
expect(
    not shared,
    f"train_loader and val_loader both give {shared}: a validation "
    "split must not overlap the training split; draw only "
    "train_indices",
    "train_loader와 val_loader가 둘 다 주는 인덱스는 "
    f"{shared}입니다. 검증 분할은 학습 분할과 겹치면 안 됩니다. "
    "train_indices만 뽑으세요",
)
expect(
    sorted(again) == train_indices,
    f"one epoch of train_loader gives {sorted(again)} (sorted); "
    f"expected exactly {train_indices}",
    f"train_loader의 한 에포크가 (정렬하면) {sorted(again)}입니다. "
    f"정확히 {train_indices}이어야 합니다",
)
expect(
    ordered == val_indices,
    f"val_loader gives {ordered}; evaluation keeps a fixed order: "
    f"{val_indices}",
    f"val_loader가 {ordered} 순서로 줍니다. 평가는 순서를 고정합니다: "
    f"{val_indices}",
)
