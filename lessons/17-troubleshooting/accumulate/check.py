ratio = (accumulated.norm() / full.norm()).item()
expect(
    torch.allclose(accumulated, full, atol=1e-6),
    f"accumulated is {ratio:.2f} times the full-batch gradient; "
    "divide each micro-batch loss by accum_steps",
    f"accumulated가 전체 배치 기울기의 {ratio:.2f}배입니다. 마이크로 "
    "배치 손실마다 accum_steps로 나누세요",
)
