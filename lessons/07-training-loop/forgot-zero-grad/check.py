ref = [
    torch.zeros(1, 1, device=inputs.device, requires_grad=True),
    torch.zeros(1, device=inputs.device, requires_grad=True),
]
for _ in range(20):
    ref_loss = torch.nn.functional.mse_loss(
        inputs @ ref[0].T + ref[1], labels
    )
    ref_grads = torch.autograd.grad(ref_loss, ref)
    ref = [
        (p - 0.05 * g).detach().requires_grad_()
        for p, g in zip(ref, ref_grads)
    ]
expect(
    len(losses) == 20 and losses[-1] < losses[0] * 0.01,
    f"the loss went from {losses[0]:.3f} to {losses[-1]:.3f}; with "
    f"correct steps it falls below {losses[0] * 0.01:.3f}",
    f"손실이 처음 {losses[0]:.3f}, 마지막 {losses[-1]:.3f}입니다. "
    f"올바르게 학습하면 {losses[0] * 0.01:.3f}보다 작아집니다",
)
expect(
    torch.allclose(model.weight, ref[0], atol=1e-4)
    and torch.allclose(model.bias, ref[1], atol=1e-4),
    f"weight, bias = {model.weight.item():.4f}, "
    f"{model.bias.item():.4f}; 20 correct SGD steps give "
    f"{ref[0].item():.4f}, {ref[1].item():.4f}",
    f"weight, bias가 {model.weight.item():.4f}, "
    f"{model.bias.item():.4f}입니다. 올바른 SGD 20스텝이면 "
    f"{ref[0].item():.4f}, {ref[1].item():.4f}입니다",
)
