w0, b0 = (t.clone().requires_grad_() for t in before)
ref_loss = torch.nn.functional.mse_loss(inputs @ w0.T + b0, labels)
ref_grads = torch.autograd.grad(ref_loss, (w0, b0))
for name, g, ref in zip(("weight", "bias"), grads, ref_grads):
    expect(
        torch.allclose(g, ref, atol=1e-6),
        f"the recorded {name} gradient {g.tolist()} differs from "
        f"autograd's {ref.tolist()}",
        f"기록된 {name} 기울기({g.tolist()})가 autograd의 "
        f"값({ref.tolist()})과 다릅니다",
    )
for name, b, g, a in zip(("weight", "bias"), before, grads, after):
    want = b - lr * g
    expect(
        torch.allclose(a, want, atol=1e-6),
        f"{name} is {a.tolist()} after the update; p - lr * grad = "
        f"{want.tolist()}",
        f"업데이트 뒤 {name}가 {a.tolist()}입니다. p - lr * grad = "
        f"{want.tolist()}이어야 합니다",
    )
