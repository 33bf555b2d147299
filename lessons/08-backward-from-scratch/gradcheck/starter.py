class LinearFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias):
        ctx.save_for_backward(x, weight)
        return x @ weight.T + bias

    @staticmethod
    def backward(ctx, grad_out):
        x, weight = ctx.saved_tensors
        grad_x = grad_out @ weight  # (N, out) @ (out, in) -> (N, in)
        grad_weight = grad_out.T @ x  # (out, N) @ (N, in) -> (out, in)
        grad_bias = grad_out.mean(dim=0)  # -> (out,)
        return grad_x, grad_weight, grad_bias


# gradcheck needs float64, which MPS lacks: build its inputs on the
# CPU on purpose.
torch.manual_seed(0)
check_inputs = (
    torch.randn(4, 3, dtype=torch.float64, requires_grad=True),
    torch.randn(2, 3, dtype=torch.float64, requires_grad=True),
    torch.randn(2, dtype=torch.float64, requires_grad=True),
)
ok = torch.autograd.gradcheck(
    LinearFn.apply, check_inputs, raise_exception=False
)
print("gradcheck passed:", ok)
