# reason: evens is [0, 1, 2
table = torch.tensor([[1, 2], [3, 4]], device=device)
noise = torch.rand(2, 3, device=device)
evens = torch.arange(0, 10, device=device)
ones_col = torch.ones(3, 1, device=device)
print(table, noise, evens, ones_col, sep="\n")
