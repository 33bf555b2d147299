# reason: w.grad is None: call y.backward()
w = torch.tensor([1.0, -2.0, 0.5], device=device, requires_grad=True)
x = torch.tensor([3.0, 1.0, 2.0], device=device)
y = (w * x).sum() ** 2
(grad,) = torch.autograd.grad(y, w)
print("w.grad:", grad)
