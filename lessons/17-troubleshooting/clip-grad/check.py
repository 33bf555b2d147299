import math

expect(
    len(losses) == 50,
    f"losses has {len(losses)} entries; expected 50",
    f"losses에 값이 {len(losses)}개 있습니다. 50개여야 합니다",
)
expect(
    all(math.isfinite(value) for value in losses),
    "the loss became inf or nan: clip the gradients between "
    "backward() and step()",
    "손실이 inf나 nan이 되었습니다. backward()와 step() 사이에서 "
    "기울기를 클리핑하세요",
)
expect(
    losses[-1] < losses[0] / 100,
    f"the loss went from {losses[0]:.1f} to {losses[-1]:.1f}; with "
    "max_norm=10 it should fall below 1% of the start",
    f"손실: {losses[0]:.1f} → {losses[-1]:.1f}. max_norm=10이면 "
    "처음의 1% 아래로 내려가야 합니다",
)
