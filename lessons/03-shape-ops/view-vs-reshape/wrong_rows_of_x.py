# reason: flat is [0, 1, 2, 3, 4, 5]
x = torch.arange(6, device=device).view(2, 3)
xt = x.t()
print(xt.is_contiguous())
flat = x.reshape(6)
