# reason: evens is [0, 2, 4, 6]; expected
table = torch.tensor([[1, 2], [3, 4]], device=device)
noise = torch.rand(2, 3, device=device)
evens = torch.arange(0, 8, 2, device=device)
ones_col = torch.ones(3, 1, device=device)
print(table, noise, evens, ones_col, sep="\n")
