expect(
    loss.dim() == 0,
    f"loss has shape {tuple(loss.shape)}; it should be a scalar (use "
    ".mean())",
    f"loss의 모양이 {tuple(loss.shape)}입니다. 스칼라여야 "
    "합니다(.mean()을 쓰세요)",
)
# Recomputed from fresh leaves: the mean of the squared errors.
w0 = w.detach().clone().requires_grad_()
b0 = b.detach().clone().requires_grad_()
ref = ((w0 * inputs + b0 - targets) ** 2).mean()
gw, gb = torch.autograd.grad(ref, (w0, b0))
expect(
    abs(loss.item() - ref.item()) < 1e-5,
    f"loss is {loss.item():.4g}; the mean squared error is "
    f"{ref.item():.4g} (square each error, then average)",
    f"loss가 {loss.item():.4g}입니다. 평균 제곱 오차는 "
    f"{ref.item():.4g}입니다(오차마다 제곱한 뒤 평균)",
)
expect(
    w.grad is not None
    and torch.allclose(w.grad, gw)
    and torch.allclose(b.grad, gb),
    f"w.grad, b.grad should be {gw.item():.4g}, {gb.item():.4g}: call "
    "loss.backward() once",
    f"w.grad, b.grad는 {gw.item():.4g}, {gb.item():.4g}이어야 합니다. "
    "loss.backward()를 한 번 호출하세요",
)
