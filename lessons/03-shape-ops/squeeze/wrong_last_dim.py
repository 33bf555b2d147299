# reason: y has shape (2, 1, 3)
x = torch.zeros(2, 1, 3, 1, device=device)
y = x.squeeze(-1)
