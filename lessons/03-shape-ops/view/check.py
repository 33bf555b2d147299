expect(
    tuple(y.shape) == (3, 2),
    f"y has shape {tuple(y.shape)}; it should be (3, 2)",
    f"y의 모양이 {tuple(y.shape)}입니다. (3, 2)여야 합니다",
)
expect(
    y.untyped_storage().data_ptr() == x.untyped_storage().data_ptr(),
    "y should be a view of x (no copy): use x.view(...)",
    "y는 x의 view여야 합니다. 복사하지 말고 x.view(...)를 쓰세요",
)
# A view reads x's memory in order; a transpose of a view has the
# shape and the memory but not the order.
want = x.view(3, 2).tolist()
expect(
    y.tolist() == want,
    f"y is {y.tolist()}; a view reads x's memory in order: {want}",
    f"y가 {y.tolist()}입니다. view는 x의 메모리를 순서대로 읽습니다: "
    f"{want}",
)
