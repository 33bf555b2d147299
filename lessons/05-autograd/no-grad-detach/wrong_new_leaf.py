# reason: w is a new tensor, not the leaf that loss was computed from
w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
x = torch.tensor([0.5, -1.0], device=device)
loss = ((w * x).sum() - 1.0) ** 2
loss.backward()

lr = 0.1
w = (w - lr * w.grad).detach().requires_grad_()
print("is_leaf:", w.is_leaf, "grad_fn:", w.grad_fn)
values = w.detach().cpu().numpy()
