want = [0.1] * 10 + [0.05] * 10 + [0.025] * 10
expect(
    len(lrs) == 30,
    f"lrs has {len(lrs)} entries; record one per epoch (30)",
    f"lrs에 값이 {len(lrs)}개 있습니다. 에포크마다 하나씩, 30개여야 "
    "합니다",
)
for epoch, (got, exp) in enumerate(zip(lrs, want)):
    expect(
        abs(got - exp) < 1e-9,
        f"the lr in epoch {epoch} is {got}; StepLR(step_size=10, "
        "gamma=0.5) stepped once per "
        f"epoch gives {exp}",
        f"{epoch} 에포크의 lr이 {got}입니다. 에포크마다 한 번 step한 "
        f"StepLR(step_size=10, gamma=0.5)이라면 {exp}입니다",
    )
