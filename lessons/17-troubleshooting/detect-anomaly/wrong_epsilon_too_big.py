# reason: a small epsilon
v = torch.tensor(
    [[3.0, 4.0], [0.0, 0.0]], device=device, requires_grad=True
)
with torch.autograd.detect_anomaly():
    try:
        lengths = torch.sqrt((v**2).sum(dim=1) + 1.0)
        print("lengths:", lengths.tolist())
        lengths.sum().backward()
    except RuntimeError as err:
        print("backward failed:", err)
print("v.grad:", v.grad)
