scores = torch.tensor([90, 75, 88, 61], device=device)
print(scores.dtype)
avg = scores.mean()
print(avg, avg.dtype)
