x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
y = x * 2
total = y.sum()
print("x.grad_fn:", x.grad_fn)
print("y.grad_fn:", y.grad_fn)
print(
    "total.grad_fn:", total.grad_fn, "->", total.grad_fn.next_functions
)

out = (y**2).mean()
print("out.grad_fn:", out.grad_fn)
