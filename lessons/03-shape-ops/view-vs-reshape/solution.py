x = torch.arange(6, device=device).view(2, 3)
xt = x.t()
print(xt.is_contiguous())
flat = xt.reshape(6)
