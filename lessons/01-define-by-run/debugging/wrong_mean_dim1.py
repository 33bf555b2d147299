# reason: The size of tensor a (3) must match
torch.manual_seed(0)
data = torch.randn(4, 3, device=device) * 5 + 2


def standardize(x):
    mean = x.mean(dim=1)
    std = x.std(dim=0)
    print(
        "x",
        tuple(x.shape),
        "mean",
        tuple(mean.shape),
        "std",
        tuple(std.shape),
    )
    return (x - mean) / std


standardized = standardize(data)
