# reason: each row scaled to length 1
v = torch.tensor([[3.0, 4.0], [0.0, 0.0], [1.0, 0.0]], device=device)
norms = v.norm(dim=0, keepdim=True)
unit = v / norms.clamp_min(1e-8)
score = unit.sum()
for name, t in (
    ("v", v),
    ("norms", norms),
    ("unit", unit),
    ("score", score),
):
    print(f"{name:6} finite: {torch.isfinite(t).all().item()}")
print(unit)
