expect(
    loader.batch_size == 2,
    f"loader.batch_size is {loader.batch_size}; keep 2 and let "
    "pad_batch make sentences of different lengths fit together",
    f"loader.batch_size가 {loader.batch_size}입니다. 2로 두고, 길이가 "
    "다른 문장은 pad_batch가 맞추게 하세요",
)
batches = list(loader)
expect(
    len(batches) == 2 and len(batches[0]) == 3,
    "each batch should be (padded, lengths, labels), as pad_batch "
    "returns",
    "각 배치는 pad_batch가 돌려주는 (padded, lengths, labels)여야 "
    "합니다",
)
want = [
    ([[5, 2, 9], [7, 1, 0]], [3, 2], [1, 0]),
    ([[3, 8, 6, 4], [2, 0, 0, 0]], [4, 1], [0, 1]),
]
for n, ((padded, lengths, labels), (wp, wl, wy)) in enumerate(
    zip(batches, want)
):
    expect(
        padded.tolist() == wp
        and lengths.tolist() == wl
        and labels.tolist() == wy,
        f"batch {n} is {padded.tolist()}, {lengths.tolist()}, "
        f"{labels.tolist()}; expected {wp}, {wl}, {wy}",
        f"{n}번 배치가 {padded.tolist()}, {lengths.tolist()}, "
        f"{labels.tolist()}입니다. {wp}, {wl}, {wy}이어야 합니다",
    )
