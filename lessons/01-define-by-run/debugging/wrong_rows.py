# reason: column means of standardized
torch.manual_seed(0)
data = torch.randn(4, 3, device=device) * 5 + 2


def standardize(x):
    mean = x.mean(dim=1, keepdim=True)
    std = x.std(dim=1, keepdim=True)
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
