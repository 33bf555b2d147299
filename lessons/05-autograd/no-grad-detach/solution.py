w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
x = torch.tensor([0.5, -1.0], device=device)
loss = ((w * x).sum() - 1.0) ** 2
loss.backward()

lr = 0.1
with torch.no_grad():
    w -= lr * w.grad
print("is_leaf:", w.is_leaf, "grad_fn:", w.grad_fn)
values = w.detach().cpu().numpy()
