expect(
    not torch.allclose(local[0], local[1]),
    "the two ranks should compute different local gradients; keep "
    "their halves of the batch",
    "두 rank의 로컬 기울기는 달라야 합니다. 배치를 절반씩 나눈 부분은 "
    "그대로 두세요",
)
expect(
    torch.allclose(averaged, full, atol=1e-6),
    f"averaged is {averaged.tolist()}; the whole batch's gradient is "
    f"{full.tolist()}: "
    "sum the local gradients and divide by world_size",
    f"averaged가 {averaged.tolist()}입니다. 배치 전체의 기울기는 "
    f"{full.tolist()}입니다. "
    "로컬 기울기를 더하고 world_size로 나누세요",
)
