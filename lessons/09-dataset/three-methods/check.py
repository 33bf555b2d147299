expect(
    hasattr(type(squares), "__len__") and len(squares) == 10,
    "len(squares) should be 10, the number of examples",
    "len(squares)는 샘플 개수인 10이어야 합니다",
)
expect(
    len(SquaresDataset(4)) == 4,
    "len(SquaresDataset(4)) should be 4: return the size of the data, "
    "not a constant",
    "len(SquaresDataset(4))는 4여야 합니다. 상수가 아니라 데이터 "
    "크기를 돌려주세요",
)
x3, y3 = squares[3]
expect(
    x3.item() == 3.0 and y3.item() == 9.0,
    f"squares[3] is ({x3.item():.4g}, {y3.item():.4g}); expected "
    "(3.0, 9.0)",
    f"squares[3]이 ({x3.item():.4g}, {y3.item():.4g})입니다. "
    "(3.0, 9.0)이어야 합니다",
)
