v = torch.tensor([1.0, 2.0, 3.0], device=device)
row = torch.arange(4.0, device=device)
col = v.unsqueeze(1)
table = col * row
