# reason: grad_a is [6.0, -2.0]; expected [6.0, 6.0]
w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
batch_a = torch.tensor([1.0, 1.0], device=device)
batch_b = torch.tensor([3.0, -1.0], device=device)

loss_a = (w * batch_a).sum() ** 2
loss_a.backward()
grad_a = w.grad

w.grad.zero_()
loss_b = (w * batch_b).sum() ** 2
loss_b.backward()
grad_b = w.grad.clone()
print("grad_a:", grad_a, "grad_b:", grad_b)
