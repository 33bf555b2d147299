def r4(t):
    def r(v):
        if isinstance(v, list):
            return [r(x) for x in v]
        return float(f"{v:.4g}")

    return r(t.tolist())


expect(
    tuple(product.shape) == (2, 2),
    f"product has shape {tuple(product.shape)}; (2, 3) times (3, 2) "
    "gives (2, 2)",
    f"product의 모양이 {tuple(product.shape)}입니다. (2, 3)과 "
    "(3, 2)를 곱하면 (2, 2)입니다",
)
want = torch.tensor([[10.0, 13.0], [28.0, 40.0]])
expect(
    torch.allclose(product.cpu(), want),
    f"product is {r4(product)}; expected {r4(want)}, the "
    "matrix product A @ B",
    f"product가 {r4(product)}입니다. 행렬 곱 A @ B인 "
    f"{r4(want)}이어야 합니다",
)
expect(
    similarity.dim() == 0 and abs(similarity.item() - 32.0) < 1e-5,
    f"similarity should be the scalar u·v = 32, got {r4(similarity)}",
    "similarity는 스칼라 u·v = 32여야 합니다. 지금은 "
    f"{r4(similarity)}입니다",
)
