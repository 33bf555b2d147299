probe = LogisticRegression(2)
probe.w = torch.tensor([[0.3], [-0.2]], device=x.device)
probe.b = torch.tensor([0.1], device=x.device)
probe.backward(x, probe(x), y)
w0 = probe.w.clone().requires_grad_()
b0 = probe.b.clone().requires_grad_()
ref_loss = torch.nn.functional.binary_cross_entropy(
    torch.sigmoid(x @ w0 + b0), y
)
ref_w, ref_b = torch.autograd.grad(ref_loss, (w0, b0))
got_w = [round(v, 4) for v in probe.grads["w"].flatten().tolist()]
want_w = [round(v, 4) for v in ref_w.flatten().tolist()]
expect(
    torch.allclose(probe.grads["w"], ref_w, atol=1e-5),
    f"backward's w gradient is {got_w}; autograd gives {want_w}",
    f"backward의 w 기울기가 {got_w}입니다. autograd는 {want_w}입니다",
)
expect(
    torch.allclose(probe.grads["b"], ref_b, atol=1e-5),
    "backward's b gradient is "
    f"{[round(v, 4) for v in probe.grads['b'].tolist()]}; autograd "
    f"gives {[round(v, 4) for v in ref_b.tolist()]}",
    "backward의 b 기울기가 "
    f"{[round(v, 4) for v in probe.grads['b'].tolist()]}입니다. "
    f"autograd는 {[round(v, 4) for v in ref_b.tolist()]}입니다",
)
expect(
    losses[-1] < losses[0],
    f"the loss should go down (first {losses[0]:.4f}, last "
    f"{losses[-1]:.4f})",
    f"손실이 줄어들어야 합니다(처음 {losses[0]:.4f}, 마지막 "
    f"{losses[-1]:.4f})",
)
