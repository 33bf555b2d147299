expect(
    isinstance(loaded, dict),
    f"loaded is a {type(loaded).__name__}; save model.state_dict(), a "
    "dict of tensors",
    f"loaded가 {type(loaded).__name__}입니다. 텐서 딕셔너리인 "
    "model.state_dict()를 저장하세요",
)
expect(
    sorted(loaded) == ["bias", "weight"],
    f"loaded has keys {sorted(loaded)}; expected bias and weight",
    f"loaded의 키가 {sorted(loaded)}입니다. bias와 weight여야 합니다",
)
shared = [
    k
    for k, v in model.state_dict().items()
    if k in loaded and loaded[k].data_ptr() == v.data_ptr()
]
expect(
    not shared,
    f"loaded {shared} share memory with model: the weights were never "
    "read back from the file; loaded = torch.load(path, ...)",
    f"loaded의 {shared} 텐서가 model과 메모리를 함께 씁니다. 가중치를 "
    "파일에서 다시 읽지 않았습니다. loaded = torch.load(path, ...)로 "
    "읽으세요",
)
expect(
    restored is not model,
    "restored should be a new nn.Linear that received the saved "
    "weights",
    "restored는 저장한 가중치를 받은 새 nn.Linear여야 합니다",
)
for name in ("weight", "bias"):
    expect(
        torch.equal(getattr(restored, name), getattr(model, name)),
        f"restored.{name} differs from model.{name}",
        f"restored.{name} 값이 model.{name} 값과 다릅니다",
    )
