def r4(t):
    return [float(f"{v:.4g}") for v in t.flatten().tolist()]


def factor(got, want):
    """k when got is k times want (a missing 2 or 1/N), else None."""
    k = ((got * want).sum() / (want * want).sum()).item()
    return k if torch.allclose(got, k * want, atol=1e-5) else None


def why(k, n):
    if k is None:
        return "", ""
    if abs(k - n) < 1e-3:
        return (
            f"; it is {n} = N times too large: the loss is a mean, "
            "divide by N",
            f". N = {n}배 큽니다. 손실이 평균이니 N으로 나누세요",
        )
    if abs(k - 0.5) < 1e-4:
        return (
            "; it is half of it: the derivative of err**2 is 2 * err",
            ". 절반입니다. err**2의 미분은 2 * err입니다",
        )
    return f"; it is {k:.4g} times autograd's", f". {k:.4g}배입니다"


w0 = w.clone().requires_grad_()
b0 = b.clone().requires_grad_()
ref_w, ref_b = torch.autograd.grad(
    ((X @ w0 + b0 - y) ** 2).mean(), (w0, b0)
)
n = X.shape[0]
expect(
    tuple(grad_w.shape) == (3,),
    f"grad_w has shape {tuple(grad_w.shape)}; it should match w, (3,)",
    f"grad_w의 모양이 {tuple(grad_w.shape)}입니다. w와 같은 "
    "(3,)이어야 합니다",
)
en, ko = why(factor(grad_w, ref_w), n)
expect(
    torch.allclose(grad_w, ref_w, atol=1e-5),
    f"grad_w is {r4(grad_w)}; autograd gives {r4(ref_w)}{en}",
    f"grad_w가 {r4(grad_w)}입니다. autograd는 {r4(ref_w)}입니다{ko}",
)
en, ko = why(factor(grad_b.reshape(1), ref_b.reshape(1)), n)
expect(
    torch.allclose(grad_b, ref_b, atol=1e-5),
    f"grad_b is {grad_b.item():.4g}; autograd gives "
    f"{ref_b.item():.4g}{en}",
    f"grad_b가 {grad_b.item():.4g}입니다. autograd는 "
    f"{ref_b.item():.4g}입니다{ko}",
)
