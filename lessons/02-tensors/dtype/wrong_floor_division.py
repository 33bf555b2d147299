# reason: avg has dtype torch.int64
scores = torch.tensor([90, 75, 88, 61], device=device)
print(scores.dtype)
avg = scores.sum() // len(scores)
print(avg, avg.dtype)
