# reason: scores should stay int64
scores = torch.tensor([90, 75, 88, 61], device=device).float()
print(scores.dtype)
avg = scores.mean()
print(avg, avg.dtype)
