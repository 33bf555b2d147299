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
    len(losses) == 20,
    f"losses has {len(losses)} entries; keep the 20 epochs and append "
    "one loss per epoch",
    f"losses에 값이 {len(losses)}개 있습니다. 20 에포크를 그대로 두고 "
    "에포크마다 손실을 하나씩 넣으세요",
)
expect(
    losses[-1] < losses[0],
    f"the loss stays at {losses[0]:.3f} (last {losses[-1]:.3f}): "
    "step() ran before backward() filled .grad, so nothing was updated",
    f"손실이 {losses[0]:.3f}에 머뭅니다(마지막 {losses[-1]:.3f}). "
    "backward()가 .grad를 채우기 전에 step()이 실행되어 아무것도 "
    "업데이트되지 않았습니다",
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
