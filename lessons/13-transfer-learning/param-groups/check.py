def lr_of(param):
    for group in optimizer.param_groups:
        if any(p is param for p in group["params"]):
            return group["lr"]
    return None


for name, p in model.named_parameters():
    expect(
        lr_of(p) is not None,
        f"{name} is in no param group of optimizer: one optimizer "
        "holds both parts, each group with its own lr",
        f"{name} 텐서가 optimizer의 어느 파라미터 그룹에도 없습니다. "
        "옵티마이저 하나에 두 부분을 모두 넣고, 그룹마다 lr을 주세요",
    )
for name, p in model.backbone.named_parameters():
    lr = lr_of(p)
    expect(
        lr is not None and abs(lr - 0.001) < 1e-12,
        f"backbone.{name} is optimized with lr={lr}; expected 0.001",
        f"backbone.{name}의 학습률이 {lr}입니다. 0.001이어야 합니다",
    )
for name, p in model.head.named_parameters():
    lr = lr_of(p)
    expect(
        lr is not None and abs(lr - 0.1) < 1e-12,
        f"head.{name} is optimized with lr={lr}; expected 0.1",
        f"head.{name}의 학습률이 {lr}입니다. 0.1이어야 합니다",
    )
before = {
    name: p.detach().clone() for name, p in model.named_parameters()
}
optimizer.zero_grad()
model(torch.ones(4, 8, device=device)).pow(2).mean().backward()
optimizer.step()
for name, p in model.named_parameters():
    lr = lr_of(p)
    expect(
        torch.allclose(
            p.detach(), before[name] - lr * p.grad, atol=1e-6
        ),
        f"one step moved {name} by something other than lr * grad",
        f"한 스텝에서 {name} 값이 lr * grad만큼 움직이지 않았습니다",
    )
