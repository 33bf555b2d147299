expect(
    loader.batch_size == 4,
    f"loader.batch_size is {loader.batch_size}; keep 4",
    f"loader.batch_size가 {loader.batch_size}입니다. 4로 두세요",
)
expect(
    loader.num_workers == 0,
    "lessons use num_workers=0",
    "레슨에서는 num_workers=0을 씁니다",
)
expect(
    len(loader.dataset) == 10,
    f"the dataset has {len(loader.dataset)} examples; keep all 10 and "
    "let the loader drop the incomplete last batch",
    f"데이터셋에 데이터가 {len(loader.dataset)}개 있습니다. "
    "10개를 모두 두고, 덜 찬 마지막 배치는 loader가 버리게 하세요",
)
sizes = [len(yb) for _, yb in loader]
expect(
    sizes == [4, 4],
    f"the batch sizes are {sizes}; expected [4, 4]: drop the "
    "incomplete last batch",
    f"배치 크기가 {sizes}입니다. [4, 4]여야 합니다. 덜 찬 마지막 "
    "배치를 버리세요",
)
expect(
    len(loader) == 2,
    f"len(loader) is {len(loader)}; expected 2 batches per epoch",
    f"len(loader)가 {len(loader)}입니다. 에포크당 배치 2개여야 합니다",
)
