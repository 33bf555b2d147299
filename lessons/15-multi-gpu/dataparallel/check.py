expect(
    isinstance(wrapped, torch.nn.DataParallel)
    and wrapped.module is model,
    "wrapped should stay nn.DataParallel(model)",
    "wrapped는 nn.DataParallel(model) 그대로 두세요",
)
expect(
    plain is not model,
    "plain should be its own nn.Linear that received the weights",
    "plain은 가중치를 받은 별개의 nn.Linear여야 합니다",
)
for name in ("weight", "bias"):
    expect(
        torch.equal(
            getattr(plain, name).cpu(), getattr(model, name).cpu()
        ),
        f"plain.{name} differs from the wrapped model's",
        f"plain.{name} 값이 감싼 모델의 값과 다릅니다",
    )
