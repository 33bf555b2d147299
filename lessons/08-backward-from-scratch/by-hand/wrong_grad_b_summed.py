# reason: 8 = N times too large: the loss is a mean
torch.manual_seed(0)
X = torch.randn(8, 3, device=device)
y = torch.randn(8, device=device)
w = torch.randn(3, device=device)
b = torch.tensor(0.5, device=device)
N = X.shape[0]

# forward
preds = X @ w + b
err = preds - y
loss = (err**2).mean()

# backward, by hand
grad_w = X.T @ (2 * err / N)
grad_b = 2 * err.sum()

# the same with autograd
w_auto = w.clone().requires_grad_()
b_auto = b.clone().requires_grad_()
loss_auto = ((X @ w_auto + b_auto - y) ** 2).mean()
loss_auto.backward()
print("w:", grad_w, w_auto.grad)
print("b:", grad_b, b_auto.grad)
