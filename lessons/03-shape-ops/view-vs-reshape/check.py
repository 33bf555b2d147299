expect(
    torch.equal(flat.cpu(), torch.tensor([0, 3, 1, 4, 2, 5])),
    f"flat is {flat.tolist()}; expected the rows of xt: [0, 3, 1, 4, "
    "2, 5]",
    f"flat이 {flat.tolist()}입니다. xt의 행 순서인 [0, 3, 1, 4, 2, "
    "5]여야 합니다",
)
