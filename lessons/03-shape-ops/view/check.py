expect(
    tuple(y.shape) == (3, 2),
    f"y has shape {tuple(y.shape)}; it should be (3, 2)",
    f"y의 모양이 {tuple(y.shape)}입니다. (3, 2)여야 합니다",
)
expect(
    y.untyped_storage().data_ptr() == x.untyped_storage().data_ptr(),
    "y should be a view of x (no copy): use x.view(...)",
    "y는 x의 view여야 합니다(복사 없이). x.view(...)를 쓰세요",
)
