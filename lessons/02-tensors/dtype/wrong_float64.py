# reason: avg has dtype torch.float64
scores = torch.tensor([90, 75, 88, 61], device=device)
print(scores.dtype)
avg = scores.double().mean()
print(avg, avg.dtype)
