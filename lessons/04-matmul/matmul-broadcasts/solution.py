torch.manual_seed(0)
batch = torch.randn(4, 2, 3, device=device)
W = torch.randn(3, 5, device=device)
queries = torch.randn(4, 2, 3, device=device)
keys = torch.randn(4, 2, 3, device=device)

out = batch @ W  # same as torch.matmul(batch, W)
pairs = torch.bmm(queries, keys.transpose(1, 2))
print(out.shape, pairs.shape)
