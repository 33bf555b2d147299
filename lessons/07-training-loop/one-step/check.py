expect(
    grad.abs().item() > 0,
    "grad is zero: run loss.backward() before reading "
    "model.weight.grad",
    "grad가 0입니다. model.weight.grad를 읽기 전에 loss.backward()를 "
    "실행하세요",
)
expect(
    not torch.equal(w_after, w_before),
    "w_after equals w_before: the weights only change in "
    "optimizer.step()",
    "w_after가 w_before와 같습니다. 가중치는 optimizer.step()에서만 "
    "바뀝니다",
)
want = w_before - 0.1 * grad
expect(
    torch.allclose(w_after, want, atol=1e-6),
    f"w_after is {w_after.item():.5f}; SGD gives w_before - lr * grad "
    f"= {want.item():.5f}",
    f"w_after가 {w_after.item():.5f}입니다. SGD는 w_before - lr * "
    f"grad = {want.item():.5f}입니다",
)
