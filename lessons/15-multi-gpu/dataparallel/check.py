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
        f"plain.{name} differs from the wrapped model's: nothing was "
        "loaded into it (strict=False skips every key that does not "
        "match, silently); load wrapped.module.state_dict()",
        f"plain.{name} 값이 감싼 모델의 값과 다릅니다. 아무것도 "
        "불러오지 않았습니다(strict=False는 맞지 않는 키를 조용히 "
        "건너뜁니다). wrapped.module.state_dict()를 불러오세요",
    )
