expect(
    tuple(out.shape) == (4, 2, 5),
    f"out has shape {tuple(out.shape)}; (4, 2, 3) @ (3, 5) should "
    "give (4, 2, 5)",
    f"out의 모양이 {tuple(out.shape)}입니다. (4, 2, 3) @ (3, 5)는 "
    "(4, 2, 5)여야 합니다",
)
want = torch.stack([torch.mm(m, W) for m in batch])
expect(
    torch.allclose(out, want, atol=1e-5),
    "out should be each matrix of batch multiplied by W",
    "out은 batch의 각 행렬에 W를 곱한 값이어야 합니다",
)
expect(
    tuple(pairs.shape) == (4, 2, 2),
    f"pairs has shape {tuple(pairs.shape)}; expected (4, 2, 2)",
    f"pairs의 모양이 {tuple(pairs.shape)}입니다. (4, 2, 2)여야 합니다",
)
want = torch.stack([torch.mm(q, k.t()) for q, k in zip(queries, keys)])
expect(
    torch.allclose(pairs, want, atol=1e-5),
    "pairs[i] should be queries[i] @ keys[i].T for every i (queries "
    "first, keys transposed)",
    "모든 i에 대해 pairs[i]는 queries[i] @ keys[i].T여야 합니다"
    "(queries가 먼저, keys는 전치)",
)
