# reason: scale_or_square([3.0, -5.0]) gave [6.0, -10.0]
def scale_or_square(x):
    if x[0] > 0:
        return x * 2
    return x**2


pos_in = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
neg_in = torch.tensor([-1.0, -3.0], device=device, requires_grad=True)
pos_out = scale_or_square(pos_in)
neg_out = scale_or_square(neg_in)
print(pos_out.grad_fn, neg_out.grad_fn)
