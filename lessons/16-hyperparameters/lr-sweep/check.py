import math

from torch import nn


def run(lr):
    torch.manual_seed(1)
    model = nn.Linear(1, 1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for step in range(30):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
    return loss.item()


for lr in (0.003, 0.03, 0.3):
    expect(
        lr in final,
        f"final has no entry for lr={lr}; keep the three learning "
        "rates",
        f"final에 lr={lr} 항목이 없습니다. 학습률 세 개를 그대로 "
        "두세요",
    )
    want = run(lr)
    expect(
        math.isclose(final[lr], want, rel_tol=1e-4, abs_tol=1e-6),
        f"the run with lr={lr} ended at {final[lr]:.4g}; started fresh "
        f"it ends at {want:.4g}: "
        "make a new model (after the same seed) for every lr",
        f"lr={lr} 실행의 마지막 손실이 {final[lr]:.4g}입니다. 새로 "
        f"시작하면 {want:.4g}입니다. lr마다 "
        "같은 시드 다음에 새 모델을 만드세요",
    )
finite = {lr: loss for lr, loss in final.items() if math.isfinite(loss)}
want_best = min(finite, key=finite.get)
expect(
    best_lr == want_best,
    f"best_lr is {best_lr}; the lowest final loss is at lr={want_best}",
    f"best_lr이 {best_lr}입니다. 마지막 손실이 가장 낮은 것은 "
    f"lr={want_best}입니다",
)
