want = xt.contiguous().view(6).tolist()
expect(
    flat.tolist() == want,
    f"flat is {flat.tolist()}; expected the rows of xt: {want}",
    f"flat이 {flat.tolist()}입니다. xt의 행 순서인 {want}이어야 합니다",
)
