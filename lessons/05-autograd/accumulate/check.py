def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


w0 = w.detach().clone().requires_grad_()
(want_a,) = torch.autograd.grad((w0 * batch_a).sum() ** 2, w0)
(want_b,) = torch.autograd.grad((w0 * batch_b).sum() ** 2, w0)
expect(
    torch.allclose(grad_a, want_a),
    f"grad_a is {r4(grad_a)}; expected {r4(want_a)} (keep a "
    "copy: w.grad.clone())",
    f"grad_a가 {r4(grad_a)}입니다. {r4(want_a)}이어야 "
    "합니다(w.grad.clone()으로 복사해 두세요)",
)
expect(
    torch.allclose(grad_b, want_b),
    f"grad_b is {r4(grad_b)}; loss_b alone gives "
    f"{r4(want_b)} (it holds grad_a + grad_b: clear w.grad "
    "between the two backward calls)",
    f"grad_b가 {r4(grad_b)}입니다. loss_b만의 기울기는 "
    f"{r4(want_b)}입니다(grad_a + grad_b가 들어 있습니다. 두 "
    "backward 사이에 w.grad를 비우세요)",
)
