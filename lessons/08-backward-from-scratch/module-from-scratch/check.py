def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


def how_far(got, want):
    """Says how many times too large got is, when it is a multiple."""
    k = ((got * want).sum() / (want * want).sum()).item()
    if abs(k - 1) < 1e-3 or not torch.allclose(
        got, k * want, atol=1e-5
    ):
        return "", ""
    return f": it is {k:.4g} times too large", f". {k:.4g}배 큽니다"


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
got_w, got_b = probe.grads["w"], probe.grads["b"]
en, ko = how_far(got_w, ref_w)
expect(
    torch.allclose(got_w, ref_w, atol=1e-5),
    f"backward's w gradient is {r4(got_w)}; autograd gives "
    f"{r4(ref_w)}{en}",
    f"backward의 w 기울기가 {r4(got_w)}입니다. autograd는 "
    f"{r4(ref_w)}입니다{ko}",
)
en, ko = how_far(got_b, ref_b)
expect(
    torch.allclose(got_b, ref_b, atol=1e-5),
    f"backward's b gradient is {r4(got_b)}; autograd gives "
    f"{r4(ref_b)}{en}",
    f"backward의 b 기울기가 {r4(got_b)}입니다. autograd는 "
    f"{r4(ref_b)}입니다{ko}",
)
expect(
    losses[-1] < losses[0],
    f"the loss should go down (first {losses[0]:.4g}, last "
    f"{losses[-1]:.4g}): optimize steps against the gradient",
    f"손실이 줄어들어야 합니다(처음 {losses[0]:.4g}, 마지막 "
    f"{losses[-1]:.4g}). optimize는 기울기의 반대 방향으로 갑니다",
)
