from torch import nn


class LogisticRegression(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.w = torch.zeros(
            dim, 1, device=device
        )  # plain tensors: we update them ourselves
        self.b = torch.zeros(1, device=device)
        self.grads = {}

    def forward(self, x):
        return torch.sigmoid(x @ self.w + self.b)

    def backward(self, x, yhat, y):
        dz = yhat - y
        self.grads["w"] = x.T @ dz
        self.grads["b"] = dz.sum(dim=0)

    def optimize(self, lr):
        self.w = self.w - lr * self.grads["w"]
        self.b = self.b - lr * self.grads["b"]


torch.manual_seed(0)
x = torch.randn(64, 2, device=device)
y = (x[:, :1] + 2 * x[:, 1:] > 0).float()
model = LogisticRegression(2)
losses = []
for epoch in range(50):
    yhat = model(x)
    loss = nn.functional.binary_cross_entropy(yhat, y)
    model.backward(x, yhat, y)
    model.optimize(lr=1.0)
    losses.append(loss.item())
print("loss", round(losses[0], 4), "->", round(losses[-1], 4))
