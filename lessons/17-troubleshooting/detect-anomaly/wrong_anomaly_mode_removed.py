# reason: every entry should be finite
v = torch.tensor(
    [[3.0, 4.0], [0.0, 0.0]], device=device, requires_grad=True
)
lengths = torch.sqrt((v**2).sum(dim=1))
print("lengths:", lengths.tolist())
lengths.sum().backward()
print("v.grad:", v.grad)
