import numpy as np

arr = np.zeros(3, dtype=np.float32)
shared = torch.tensor(arr)
arr[0] = 5


def to_numpy(t):
    return t.numpy()


on_device = shared.to(device)
back = to_numpy(on_device)
print(arr, shared, back)
