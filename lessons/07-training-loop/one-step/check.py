expect(
    grad.abs().item() > 0,
    "grad is zero: run loss.backward() before reading "
    "model.weight.grad",
    "grad가 0입니다. model.weight.grad를 읽기 전에 loss.backward()를 "
    "실행하세요",
)
expect(
    w_before.data_ptr() != model.weight.data_ptr(),
    "w_before is model.weight itself, not a copy: optimizer.step() "
    "changes the weight in place, so w_before changed with it; take "
    "model.weight.detach().clone()",
    "w_before가 복사본이 아니라 model.weight 자체입니다. "
    "optimizer.step()은 가중치를 제자리에서 바꾸므로 w_before도 같이 "
    "바뀝니다. model.weight.detach().clone()을 쓰세요",
)
expect(
    not torch.equal(w_after, w_before),
    "w_after equals w_before: nothing updated the weight before "
    "w_after was read; optimizer.step() must run after "
    "loss.backward() has filled .grad, and before w_after is taken",
    "w_after가 w_before와 같습니다. w_after를 읽기 전에 가중치가 "
    "바뀌지 않았습니다. optimizer.step()은 loss.backward()가 .grad를 "
    "채운 뒤, w_after를 읽기 전에 실행되어야 합니다",
)
want = w_before - 0.1 * grad
expect(
    torch.allclose(w_after, want, atol=1e-6),
    f"w_after is {w_after.item():.4g}; SGD gives w_before - lr * grad "
    f"= {want.item():.4g} (a step goes against the gradient)",
    f"w_after가 {w_after.item():.4g}입니다. SGD는 w_before - lr * "
    f"grad = {want.item():.4g}입니다(기울기의 반대 방향으로 갑니다)",
)
