expect(
    len(grad_norms) == 40,
    f"grad_norms has {len(grad_norms)} entries; log one per step (40)",
    f"grad_norms에 값이 {len(grad_norms)}개 있습니다. 스텝마다 "
    "하나씩, 40개여야 합니다",
)
# The last step's gradients are still in .grad (step() does not
# clear them).
want = (
    torch.stack([p.grad.norm() for p in model.parameters()])
    .norm()
    .item()
)
weights = (
    torch.stack([p.detach().norm() for p in model.parameters()])
    .norm()
    .item()
)
expect(
    abs(grad_norms[-1] - weights) > 1e-3 or abs(want - weights) < 1e-3,
    "grad_norm is the norm of the parameters themselves; use p.grad",
    "grad_norm이 파라미터 자체의 노름입니다. p.grad를 쓰세요",
)
expect(
    abs(grad_norms[-1] - want) < 1e-4 * max(1.0, want),
    f"the last grad_norm is {grad_norms[-1]:.4g}; the norm of every "
    f"p.grad taken together (the norm of their norms) is {want:.4g}",
    f"마지막 grad_norm이 {grad_norms[-1]:.4g}입니다. 모든 p.grad를 "
    f"한데 모은 노름(노름들의 노름)은 {want:.4g}입니다",
)
