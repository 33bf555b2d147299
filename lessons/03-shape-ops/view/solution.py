x = torch.arange(6, device=device)
y = x.view(3, -1)
print(y)
