# reason: y should share x's memory
x = torch.zeros(2, 1, 3, 1, device=device)
y = torch.zeros(2, 3, 1, device=device)
