# reason: to_numpy fails on a tensor that requires grad
import numpy as np

arr = np.zeros(3, dtype=np.float32)
shared = torch.from_numpy(arr)  # the NumPy side stays on the CPU
arr[0] = 5


def to_numpy(t):
    return t.cpu().numpy()


on_device = shared.to(device)
back = to_numpy(on_device)
print(arr, shared, back)
