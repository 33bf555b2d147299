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
w, b = model.weight.item(), model.bias.item()
expect(
    len(losses) == 20,
    f"losses has {len(losses)} entries; keep the 20 epochs and append "
    "one loss per epoch",
    f"losses에 값이 {len(losses)}개 있습니다. 20 에포크를 그대로 두고 "
    "에포크마다 손실을 하나씩 넣으세요",
)
expect(
    w != 0.0 or b != 0.0,
    f"the weights never changed (the loss stayed at {losses[0]:.4g}): "
    "step() found no gradient in .grad; it must run after backward() "
    "and before the next zero_grad()",
    f"가중치가 한 번도 바뀌지 않았습니다(손실이 {losses[0]:.4g}에 "
    "머뭅니다). step()이 .grad에서 기울기를 찾지 못했습니다. step()은 "
    "backward() 뒤, 다음 zero_grad() 전에 실행되어야 합니다",
)
expect(
    torch.allclose(model.weight, ref[0], atol=1e-4)
    and torch.allclose(model.bias, ref[1], atol=1e-4),
    f"weight, bias = {w:.4g}, {b:.4g}; 20 correct SGD steps "
    "(zero_grad, "
    f"forward, loss, backward, step) give {ref[0].item():.4g}, "
    f"{ref[1].item():.4g}",
    f"weight, bias가 {w:.4g}, {b:.4g}입니다. 올바른 SGD 20스텝"
    "(zero_grad, forward, loss, backward, step)이면 "
    f"{ref[0].item():.4g}, {ref[1].item():.4g}입니다",
)
