w0 = w.detach().clone().requires_grad_()
(want_a,) = torch.autograd.grad((w0 * batch_a).sum() ** 2, w0)
(want_b,) = torch.autograd.grad((w0 * batch_b).sum() ** 2, w0)
expect(
    torch.allclose(grad_a, want_a),
    f"grad_a is {grad_a.tolist()}; expected {want_a.tolist()} (keep a "
    "copy: w.grad.clone())",
    f"grad_a가 {grad_a.tolist()}입니다. {want_a.tolist()}이어야 "
    "합니다(w.grad.clone()으로 복사해 두세요)",
)
expect(
    torch.allclose(grad_b, want_b),
    f"grad_b is {grad_b.tolist()}; loss_b alone gives "
    f"{want_b.tolist()} (it holds grad_a + grad_b: clear w.grad "
    "between the two backward calls)",
    f"grad_b가 {grad_b.tolist()}입니다. loss_b만의 기울기는 "
    f"{want_b.tolist()}입니다(grad_a + grad_b가 들어 있습니다. 두 "
    "backward 사이에 w.grad를 비우세요)",
)
