def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


# The whole batch's gradient and the last micro-batch's, recomputed here
# from the model's weights (nothing stepped) rather than trusted.
w = model.weight.detach().clone().requires_grad_()
b = model.bias.detach().clone().requires_grad_()


def grad_of(inputs, targets):
    loss = torch.nn.functional.mse_loss(inputs @ w.T + b, targets)
    return torch.autograd.grad(loss, w)[0]


ref_full = grad_of(x, y)
last = grad_of(x.chunk(4)[-1], y.chunk(4)[-1])
expect(
    torch.allclose(full, ref_full, atol=1e-6),
    f"full is {r4(full)}; the whole batch's gradient is "
    f"{r4(ref_full)}: keep full as it is and fix the micro-batch loop",
    f"full이 {r4(full)}입니다. 배치 전체의 기울기는 "
    f"{r4(ref_full)}입니다. full은 그대로 두고 마이크로 배치 루프를 "
    "고치세요",
)
held = model.weight.grad
expect(
    torch.allclose(accumulated, held, atol=1e-6),
    f"accumulated is {r4(accumulated)} but model.weight.grad holds "
    f"{r4(held)}: optimizer.step() uses model.weight.grad, so scale "
    "each micro-batch loss before backward() instead of the result",
    f"accumulated는 {r4(accumulated)}인데 model.weight.grad는 "
    f"{r4(held)}입니다. optimizer.step()은 model.weight.grad를 "
    "쓰므로, 결과가 아니라 backward() 전에 마이크로 배치 손실마다 "
    "크기를 맞추세요",
)
if torch.allclose(held, last / 4, atol=1e-6) or torch.allclose(
    held, last, atol=1e-6
):
    en = (
        "it holds only the last micro-batch's gradient: zero_grad() "
        "runs inside the micro-batch loop; call it once, before the "
        "loop"
    )
    ko = (
        "마지막 마이크로 배치의 기울기만 남아 있습니다. zero_grad()가 "
        "마이크로 배치 루프 안에서 실행됩니다. 루프 전에 한 번만 "
        "호출하세요"
    )
else:
    ratio = (held.norm() / ref_full.norm()).item()
    en = (
        f"it is {ratio:.4g} times the full-batch gradient; divide each "
        "micro-batch loss by accum_steps"
    )
    ko = (
        f"전체 배치 기울기의 {ratio:.4g}배입니다. 마이크로 배치 "
        "손실마다 accum_steps로 나누세요"
    )
expect(
    torch.allclose(held, ref_full, atol=1e-6),
    f"the accumulated gradient is {r4(held)}, the whole batch's is "
    f"{r4(ref_full)}: {en}",
    f"누적된 기울기가 {r4(held)}, 배치 전체의 기울기는 {r4(ref_full)}"
    f"입니다. {ko}",
)
