x = torch.zeros(2, 1, 3, 1, device=device)
y = x.squeeze()
