# reason: the mean squared error is
w = torch.tensor(2.0, device=device, requires_grad=True)
b = torch.tensor(0.5, device=device, requires_grad=True)
inputs = torch.tensor([1.0, 2.0, 3.0], device=device)
targets = torch.tensor([3.0, 4.0, 8.0], device=device)

preds = w * inputs + b
loss = ((preds - targets) ** 2).sum()
loss.backward()
print("loss:", loss, "w.grad:", w.grad, "b.grad:", b.grad)
