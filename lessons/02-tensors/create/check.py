expect(
    evens.cpu().tolist() == [0, 2, 4, 6, 8],
    f"evens is {evens.cpu().tolist()}; expected [0, 2, 4, 6, 8]",
    f"evens가 {evens.cpu().tolist()}입니다. [0, 2, 4, 6, 8]이어야 "
    "합니다",
)
expect(
    tuple(ones_col.shape) == (3, 1),
    f"ones_col has shape {tuple(ones_col.shape)}; expected (3, 1)",
    f"ones_col의 모양이 {tuple(ones_col.shape)}입니다. (3, 1)이어야 "
    "합니다",
)
expect(
    bool((ones_col == 1).all()),
    "ones_col should contain only ones",
    "ones_col에는 1만 들어 있어야 합니다",
)
