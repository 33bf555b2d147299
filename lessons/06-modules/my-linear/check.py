def r4(t):
    return [[float(f"{v:.4g}") for v in row] for row in t.tolist()]


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
# A fresh layer with a nonzero bias: the zero bias the layer starts
# with would hide a forward that leaves the bias out.
probe = MyLinear(3, 2).to(device)
with torch.no_grad():
    probe.weight.copy_(
        torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]])
    )
    probe.bias.copy_(torch.tensor([0.75, -2.0]))
got = probe(x)
want = torch.nn.functional.linear(x, probe.weight, probe.bias)
expect(
    not torch.allclose(got + probe.bias, want, atol=1e-5),
    "forward leaves out the bias: add + self.bias (it starts at zero, "
    "so y looked right)",
    "forward에 편향이 빠졌습니다. + self.bias를 더하세요(편향이 0에서 "
    "시작해서 y가 맞아 보였습니다)",
)
expect(
    torch.allclose(got, want, atol=1e-5),
    f"y differs from torch.nn.functional.linear(x, layer.weight, "
    f"layer.bias): with a known weight and bias, the first rows are "
    f"{r4(got[:2])}, expected {r4(want[:2])}",
    "y가 torch.nn.functional.linear(x, layer.weight, layer.bias)와 "
    "다릅니다. 정해진 가중치와 편향으로 첫 두 행이 "
    f"{r4(got[:2])}입니다. {r4(want[:2])}이어야 합니다",
)
