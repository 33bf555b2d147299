# reason: flat is [[0, 3], [1, 4], [2, 5]]
x = torch.arange(6, device=device).view(2, 3)
xt = x.t()
print(xt.is_contiguous())
flat = xt.contiguous()
