expect(
    tuple(y.shape) == (2, 3, 1),
    f"y has shape {tuple(y.shape)}; it should be (2, 3, 1): squeeze "
    "only dimension 1",
    f"y의 모양이 {tuple(y.shape)}입니다. (2, 3, 1)이어야 합니다. 1번 "
    "차원만 squeeze하세요",
)
expect(
    y.untyped_storage().data_ptr() == x.untyped_storage().data_ptr(),
    "y should share x's memory, as squeeze does: squeeze x, do not "
    "make a new tensor",
    "y는 squeeze처럼 x의 메모리를 공유해야 합니다. 새 텐서를 만들지 "
    "말고 x를 squeeze하세요",
)
