expect(
    isinstance(model, torch.nn.Module)
    and type(model).__name__ == "TwoLayer",
    "model should be an instance of TwoLayer, a subclass of nn.Module",
    "model은 nn.Module을 상속한 TwoLayer의 인스턴스여야 합니다",
)
count = len(list(model.parameters()))
expect(
    count == 4,
    f"model has {count} parameter tensors; two Linear layers give 4 "
    "(two weights, two biases): assign each layer to an attribute "
    "(a plain list hides them from the Module)",
    f"model의 파라미터 텐서가 {count}개입니다. Linear 두 개면 "
    "4개(가중치 2, 편향 2)여야 합니다. 레이어마다 속성으로 대입하세요"
    "(파이썬 리스트에 넣으면 Module이 찾지 못합니다)",
)
expect(
    tuple(preds.shape) == (5, 1),
    f"preds has shape {tuple(preds.shape)}; expected (5, 1)",
    f"preds의 모양이 {tuple(preds.shape)}입니다. (5, 1)이어야 합니다",
)
h = torch.relu(batch @ model.hidden.weight.T + model.hidden.bias)
want = h @ model.out.weight.T + model.out.bias
expect(
    torch.allclose(preds, want, atol=1e-5),
    "preds should be out(relu(hidden(batch)))",
    "preds는 out(relu(hidden(batch)))여야 합니다",
)
