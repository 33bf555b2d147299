w0 = w.clone().requires_grad_()
b0 = b.clone().requires_grad_()
ref_w, ref_b = torch.autograd.grad(
    ((X @ w0 + b0 - y) ** 2).mean(), (w0, b0)
)
expect(
    tuple(grad_w.shape) == (3,),
    f"grad_w has shape {tuple(grad_w.shape)}; it should match w, (3,)",
    f"grad_w의 모양이 {tuple(grad_w.shape)}입니다. w와 같은 "
    "(3,)이어야 합니다",
)
expect(
    torch.allclose(grad_w, ref_w, atol=1e-5),
    f"grad_w is {[round(v, 4) for v in grad_w.tolist()]}; autograd "
    f"gives {[round(v, 4) for v in ref_w.tolist()]}. The loss is a "
    "mean: divide by N",
    f"grad_w가 {[round(v, 4) for v in grad_w.tolist()]}입니다. "
    f"autograd는 {[round(v, 4) for v in ref_w.tolist()]}입니다. "
    "손실이 평균이니 N으로 나누세요",
)
expect(
    torch.allclose(grad_b, ref_b, atol=1e-5),
    f"grad_b is {grad_b.item():.5f}; autograd gives {ref_b.item():.5f}",
    f"grad_b가 {grad_b.item():.5f}입니다. autograd는 "
    f"{ref_b.item():.5f}입니다",
)
