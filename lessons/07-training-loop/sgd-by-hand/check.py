def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


w0, b0 = (t.clone().requires_grad_() for t in before)
ref_loss = torch.nn.functional.mse_loss(inputs @ w0.T + b0, labels)
ref_grads = torch.autograd.grad(ref_loss, (w0, b0))
for name, g, ref in zip(("weight", "bias"), grads, ref_grads):
    expect(
        torch.allclose(g, ref, atol=1e-6),
        f"the recorded {name} gradient {r4(g)} differs from "
        f"autograd's {r4(ref)}",
        f"기록된 {name} 기울기({r4(g)})가 autograd의 값({r4(ref)})과 "
        "다릅니다",
    )
params = dict(model.named_parameters())
for name, b, g, a in zip(("weight", "bias"), before, grads, after):
    want = b - lr * g
    expect(
        torch.allclose(a, want, atol=1e-6)
        and torch.allclose(params[name].detach(), want, atol=1e-6),
        f"{name} is {r4(params[name])} after the update; p - lr * "
        f"grad = {r4(want)} (update every parameter in place)",
        f"업데이트 뒤 {name} 값이 {r4(params[name])}입니다. p - lr * "
        f"grad = {r4(want)}이어야 합니다(모든 파라미터를 제자리에서 "
        "업데이트하세요)",
    )
