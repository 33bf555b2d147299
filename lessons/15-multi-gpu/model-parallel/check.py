# This machine may have one device. "meta" is a device with shapes and
# no data: a stage there rejects a tensor left on the CPU, exactly as
# cuda:1 rejects one left on cuda:0.
cpu, meta = torch.device("cpu"), torch.device("meta")
split = TwoStage(cpu, meta)
where = {
    name: next(stage.parameters()).device.type
    for name, stage in (
        ("first", split.first),
        ("second", split.second),
    )
}
expect(
    where == {"first": "cpu", "second": "meta"},
    f"TwoStage(dev0, dev1) puts its stages on {where}: the first stage "
    "belongs on dev0, the second stage belongs on dev1",
    f"TwoStage(dev0, dev1)가 단계를 {where}에 둡니다. "
    "첫 단계는 dev0에, 두 번째 단계는 dev1에 있어야 합니다",
)
try:
    result = split(torch.randn(5, 4))
    raised = None
except RuntimeError as err:
    result, raised = None, str(err).splitlines()[0]
expect(
    raised is None,
    f"with the stages on cpu and meta, forward raises '{raised}': each "
    "stage needs its input on its own device; move the activation "
    "with h.to(self.dev1) between the stages",
    f"단계를 cpu와 meta에 두면 forward가 '{raised}' 에러를 냅니다. "
    "단계마다 입력이 자기 장치에 있어야 합니다. 두 단계 사이에서 "
    "h.to(self.dev1)로 활성값을 옮기세요",
)
expect(
    result.device == meta and tuple(result.shape) == (5, 2),
    f"the output is {tuple(result.shape)} on {result.device}; the "
    "second stage gives (5, 2) on dev1",
    f"출력이 {result.device}의 {tuple(result.shape)}입니다. 두 번째 "
    "단계는 dev1에 (5, 2)를 냅니다",
)
expect(
    tuple(out.shape) == (5, 2),
    f"out has shape {tuple(out.shape)}; expected (5, 2)",
    f"out의 모양이 {tuple(out.shape)}입니다. (5, 2)여야 합니다",
)
