def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


expect(
    not torch.allclose(local[0], local[1]),
    "the two ranks should compute different local gradients; keep "
    "their halves of the batch",
    "두 rank의 로컬 기울기는 달라야 합니다. 배치를 절반씩 나눈 부분은 "
    "그대로 두세요",
)
if torch.allclose(averaged, local[0]) or torch.allclose(
    averaged, local[1]
):
    why_en = (
        "it is one rank's local gradient; all-reduce combines every "
        "rank's"
    )
    why_ko = (
        "한 rank의 로컬 기울기일 뿐입니다. all-reduce는 모든 rank의 "
        "기울기를 합칩니다"
    )
elif torch.allclose(averaged, sum(local)):
    why_en = (
        "it is the sum, world_size times too large; divide by "
        "world_size"
    )
    why_ko = "합이라서 world_size배 큽니다. world_size로 나누세요"
else:
    why_en = "sum the local gradients and divide by world_size"
    why_ko = "로컬 기울기를 더하고 world_size로 나누세요"
expect(
    averaged.shape == full.shape
    and torch.allclose(averaged, full, atol=1e-6),
    f"averaged is {r4(averaged)}; the whole batch's gradient is "
    f"{r4(full)}: {why_en}",
    f"averaged가 {r4(averaged)}입니다. 배치 전체의 기울기는 "
    f"{r4(full)}입니다. {why_ko}",
)
