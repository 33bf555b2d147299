expect(
    twin is not model,
    "twin should stay a separate model; copy the weights, not the "
    "object",
    "twin은 별개의 모델로 두세요. 객체가 아니라 가중치를 복사해야 "
    "합니다",
)
keys = list(model.state_dict())
expect(
    keys == ["0.weight", "0.bias", "2.weight", "2.bias"],
    f"model.state_dict() has keys {keys}; the lesson's model should "
    "keep its three layers",
    f"model.state_dict()의 키가 {keys}입니다. 레슨의 모델은 레이어 세 "
    "개를 그대로 두세요",
)
for name, tensor in model.state_dict().items():
    expect(
        torch.equal(tensor, twin.state_dict()[name]),
        f"twin's {name} differs from model's: load model.state_dict() "
        "into twin",
        f"twin의 {name} 값이 model과 다릅니다. model.state_dict()를 "
        "twin에 불러오세요",
    )
expect(
    same is True,
    f"same is {same}; compute it after copying the weights",
    f"same이 {same}입니다. 가중치를 복사한 다음에 계산하세요",
)
