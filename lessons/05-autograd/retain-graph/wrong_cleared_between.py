# reason: after two backward calls x.grad should be [4.0, 8.0, 12.0]
x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
loss = (x**2).sum()
loss.backward(retain_graph=True)
first = x.grad.clone()
x.grad = None
loss.backward()
print("first:", first, "after two:", x.grad)
