# reason: TraceError
def scale_or_square(x):
    if x.sum() > 0:
        return x * 2
    return x**2


def branch_free(x):
    return torch.where(x.sum() > 0, x * 2, x**2)


traced = torch.fx.symbolic_trace(scale_or_square)
print(traced.code)
print(traced(torch.tensor([1.0, 2.0], device=device)))
print(traced(torch.tensor([-1.0, -3.0], device=device)))
