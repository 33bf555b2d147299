def r4(run):
    return {k: float(f"{v:.4g}") for k, v in run.items()}


expect(
    len(results) == 18,
    f"results has {len(results)} runs; keep the 9 grid runs and the 9 "
    "random ones",
    f"results에 실행이 {len(results)}개 있습니다. 격자 9개와 무작위 "
    "9개를 그대로 두세요",
)
lowest = min(results, key=lambda r: r["val"])
expect(
    best["val"] == lowest["val"],
    f"best is {r4(best)}; the lowest validation loss of the 18 runs is "
    f"{r4(lowest)}: choose by validation loss (the training loss "
    "rewards the run that memorises the 12 training points)",
    f"best가 {r4(best)}입니다. 18번의 실행 중 검증 손실이 가장 낮은 "
    f"것은 {r4(lowest)}입니다. 검증 손실로 고르세요(학습 손실은 학습 "
    "데이터 12개를 외운 실행을 고릅니다)",
)
# The chosen run trained again here, and judged on the held-out points.
torch.manual_seed(0)
ref_xt = torch.rand(12, 1, device=device) * 2 - 1
ref_yt = torch.sin(3 * ref_xt) + 0.2 * torch.randn(12, 1, device=device)
ref_xv = torch.rand(100, 1, device=device) * 2 - 1
ref_yv = torch.sin(3 * ref_xv) + 0.2 * torch.randn(
    100, 1, device=device
)
powers = range(1, 9)
torch.manual_seed(1)
ref = torch.nn.Linear(8, 1).to(device)
ref_opt = torch.optim.Adam(
    ref.parameters(), lr=best["lr"], weight_decay=best["weight_decay"]
)
for step in range(200):
    ref_opt.zero_grad()
    torch.nn.functional.mse_loss(
        ref(torch.cat([ref_xt**k for k in powers], dim=1)), ref_yt
    ).backward()
    ref_opt.step()
with torch.no_grad():
    want = torch.nn.functional.mse_loss(
        ref(torch.cat([ref_xv**k for k in powers], dim=1)), ref_yv
    ).item()
expect(
    abs(best["val"] - want) < 1e-4 * max(1.0, want),
    f"best['val'] is {best['val']:.4g}; that run's loss on the "
    f"validation points (x_val, y_val) is {want:.4g}",
    f"best['val']가 {best['val']:.4g}입니다. 그 실행의 검증 데이터"
    f"(x_val, y_val) 손실은 {want:.4g}입니다",
)
