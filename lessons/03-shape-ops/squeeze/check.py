expect(
    tuple(y.shape) == (2, 3, 1),
    f"y has shape {tuple(y.shape)}; it should be (2, 3, 1)",
    f"y의 모양이 {tuple(y.shape)}입니다. (2, 3, 1)이어야 합니다",
)
