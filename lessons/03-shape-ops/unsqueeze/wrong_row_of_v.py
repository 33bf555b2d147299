# reason: The size of tensor a (3) must match the size of tensor b (4)
v = torch.tensor([1.0, 2.0, 3.0], device=device)
row = torch.arange(4.0, device=device)
col = v.unsqueeze(0)
table = col * row
