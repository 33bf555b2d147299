x = torch.arange(6, device=device)
y = x.view(2, 3)
print(y)
