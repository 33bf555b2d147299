u = torch.tensor([1.0, 2.0, 3.0], device=device)
v = torch.tensor([4.0, 5.0, 6.0], device=device)
A = torch.arange(6.0, device=device).reshape(2, 3)
B = torch.arange(6.0, device=device).reshape(3, 2)

elementwise = u * v
similarity = torch.dot(u, v)
product = torch.mm(A, B)
print(elementwise, similarity, product, sep="\n")
