torch.manual_seed(0)
batch = torch.randn(4, 2, 3, device=device)
W = torch.randn(3, 5, device=device)
queries = torch.randn(4, 2, 3, device=device)
keys = torch.randn(4, 2, 3, device=device)

out = torch.mm(batch, W)
pairs = torch.mm(queries, keys)
print(out.shape, pairs.shape)
