def scale_or_square(x):
    if x.sum() > 0:
        return x * 2
    return x**2


try:
    traced = torch.fx.symbolic_trace(scale_or_square)
except Exception as err:
    traced = None
    print("tracing failed:", type(err).__name__, "-", err)
