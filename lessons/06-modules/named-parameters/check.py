expect(
    n_params == 67,
    f"n_params is {n_params}; 10*5 + 5 + 5*2 + 2 = 67 values in total",
    f"n_params가 {n_params}입니다. 10*5 + 5 + 5*2 + 2 = 67개여야 "
    "합니다",
)
frozen = [
    name for name, p in model.named_parameters() if not p.requires_grad
]
expect(
    frozen == ["0.weight", "0.bias"],
    f"frozen parameters: {frozen}; expected only the first layer, "
    "['0.weight', '0.bias']",
    f"고정된 파라미터가 {frozen}입니다. 첫 레이어인 ['0.weight', "
    "'0.bias']만 고정되어야 합니다",
)
expect(
    n_trainable == 12,
    f"n_trainable is {n_trainable}; after freezing layer 0 only 5*2 + "
    "2 = 12 values train",
    f"n_trainable이 {n_trainable}입니다. 0번 레이어를 고정하면 5*2 + "
    "2 = 12개만 학습됩니다",
)
