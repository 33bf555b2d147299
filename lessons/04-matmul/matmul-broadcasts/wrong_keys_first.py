# reason: pairs[i] should be queries[i] @ keys[i].T
torch.manual_seed(0)
batch = torch.randn(4, 2, 3, device=device)
W = torch.randn(3, 5, device=device)
queries = torch.randn(4, 2, 3, device=device)
keys = torch.randn(4, 2, 3, device=device)

out = batch @ W  # same as torch.matmul(batch, W)
pairs = torch.bmm(keys, queries.transpose(1, 2))
print(out.shape, pairs.shape)
