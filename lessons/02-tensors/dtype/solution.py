scores = torch.tensor([90, 75, 88, 61], device=device)
print(scores.dtype)
avg = scores.float().mean()
print(avg, avg.dtype)
