# reason: weighted has shape (3, 5)
torch.manual_seed(0)
data = torch.randn(5, 3, device=device)
row_weights = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0], device=device)

centered = data - data.mean(dim=0)  # (5, 3) - (3,)
weighted = centered.t() * row_weights
print(weighted)
