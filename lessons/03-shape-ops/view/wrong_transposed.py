# reason: a view reads x's memory in order
x = torch.arange(6, device=device)
y = x.view(2, 3).t()
print(y)
