# reason: Trying to backward through the graph a second time
x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
loss = (x**2).sum()
loss.backward()
first = x.grad.clone()
loss.backward(retain_graph=True)
print("first:", first, "after two:", x.grad)
