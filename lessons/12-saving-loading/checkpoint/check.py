keys = sorted(loaded)
for key in ("model", "optimizer", "epoch"):
    expect(
        key in loaded,
        f"the loaded checkpoint has keys {keys}; {key!r} is missing",
        f"불러온 체크포인트의 키가 {keys}입니다. {key!r} 항목이 "
        "빠졌습니다",
    )
shared = [
    k
    for k, v in model.state_dict().items()
    if k in loaded["model"]
    and loaded["model"][k].data_ptr() == v.data_ptr()
]
expect(
    loaded is not checkpoint and not shared,
    "loaded shares memory with model: the checkpoint was never read "
    "back from the file; loaded = torch.load(path, ...)",
    "loaded가 model과 메모리를 함께 씁니다. 체크포인트를 파일에서 "
    "다시 읽지 않았습니다. loaded = torch.load(path, ...)로 읽으세요",
)
expect(
    loaded["epoch"] == 3,
    f"checkpoint['epoch'] is {loaded['epoch']!r}; three epochs are "
    "done, so 3",
    f"checkpoint['epoch']가 {loaded['epoch']!r}입니다. 에포크 세 번을 "
    "끝냈으니 3이어야 합니다",
)
state = loaded["optimizer"]
expect(
    isinstance(state, dict)
    and "state" in state
    and "param_groups" in state,
    "checkpoint['optimizer'] should be optimizer.state_dict() (with "
    "'state' and 'param_groups')",
    "checkpoint['optimizer']는 optimizer.state_dict()여야 "
    "합니다('state'와 'param_groups'가 있는 딕셔너리)",
)
expect(
    len(state["state"]) == 2,
    "the saved optimizer has no running averages: take its "
    "state_dict() after training",
    "저장된 옵티마이저에 이동 평균이 없습니다. 학습한 다음에 "
    "state_dict()를 받으세요",
)
