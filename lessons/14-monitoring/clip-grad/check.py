import math

expect(
    len(losses) == 50,
    f"losses has {len(losses)} entries; expected 50",
    f"losses에 값이 {len(losses)}개 있습니다. 50개여야 합니다",
)
expect(
    all(math.isfinite(value) for value in losses),
    "the loss became inf or nan: clip the gradients between "
    "backward() and step()",
    "손실이 inf나 nan이 되었습니다. backward()와 step() 사이에서 "
    "기울기를 클리핑하세요",
)
expect(
    losses[-1] < losses[0] / 100,
    f"the loss went from {losses[0]:.4g} to {losses[-1]:.4g}; with "
    "max_norm=10 it should fall below 1% of the start",
    f"손실: {losses[0]:.4g} → {losses[-1]:.4g}. max_norm=10이면 "
    "처음의 1% 아래로 내려가야 합니다",
)
# The 50 clipped steps replayed: lowering the lr instead of clipping,
# or clipping something else, ends elsewhere.
torch.manual_seed(0)
ref_x = torch.randn(64, 3, device=device) * 10
ref_y = ref_x @ torch.tensor([[1.0], [-2.0], [3.0]], device=device)
ref = torch.nn.Linear(3, 1).to(device)
ref_opt = torch.optim.SGD(ref.parameters(), lr=0.02)
for step in range(50):
    ref_opt.zero_grad()
    torch.nn.functional.mse_loss(ref(ref_x), ref_y).backward()
    torch.nn.utils.clip_grad_norm_(ref.parameters(), max_norm=10.0)
    ref_opt.step()
gap = (model.weight - ref.weight).abs().max().item()
expect(
    gap < 1e-4,
    f"the weights differ by up to {gap:.4g} from 50 SGD steps at "
    "lr=0.02 with clip_grad_norm_(max_norm=10.0) between backward() "
    "and step(); keep the lr and clip the total norm",
    f"가중치가 lr=0.02로 backward()와 step() 사이에서 "
    "clip_grad_norm_(max_norm=10.0)을 한 SGD 50스텝과 최대 "
    f"{gap:.4g} 다릅니다. lr은 그대로 두고 전체 노름을 클리핑하세요",
)
