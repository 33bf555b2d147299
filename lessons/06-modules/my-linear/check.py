names = sorted(name for name, _ in layer.named_parameters())
expect(
    names == ["bias", "weight"],
    f"layer's parameters are {names}; expected ['bias', 'weight']",
    f"layer의 파라미터가 {names}입니다. ['bias', 'weight']여야 합니다",
)
expect(
    tuple(layer.weight.shape) == (2, 3),
    f"layer.weight has shape {tuple(layer.weight.shape)}; keep "
    "nn.Linear's (out, in) = (2, 3)",
    f"layer.weight의 모양이 {tuple(layer.weight.shape)}입니다. "
    "nn.Linear처럼 (out, in) = (2, 3)으로 두세요",
)
expect(
    tuple(y.shape) == (4, 2),
    f"y has shape {tuple(y.shape)}; expected (4, 2)",
    f"y의 모양이 {tuple(y.shape)}입니다. (4, 2)여야 합니다",
)
want = torch.nn.functional.linear(x, layer.weight, layer.bias)
expect(
    torch.allclose(y, want, atol=1e-6),
    "y differs from torch.nn.functional.linear(x, layer.weight, "
    "layer.bias)",
    "y가 torch.nn.functional.linear(x, layer.weight, layer.bias)와 "
    "다릅니다",
)
