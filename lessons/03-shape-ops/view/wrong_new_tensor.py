# reason: y should be a view of x
x = torch.arange(6, device=device)
y = torch.arange(6, device=device).view(3, -1)
print(y)
