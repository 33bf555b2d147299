# reason: y has shape (2, 3)
x = torch.arange(6, device=device)
y = x.view(-1, 3)
print(y)
