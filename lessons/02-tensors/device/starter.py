cpu_data = torch.arange(3)
weights = torch.tensor([0.5, 1.0, 2.0], device=device)
moved = cpu_data
total = torch.dot(moved, weights)
print(
    cpu_data.device,
    cpu_data.dtype,
    "->",
    moved.device,
    moved.dtype,
    total,
)
