# reason: don't skip it
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 3).to(device)
capacity = 24  # rows that fit in this (pretend) GPU's memory


def run_batch(batch):
    # Stands in for a step on a full GPU: a batch above `capacity` rows
    # raises torch.OutOfMemoryError, the error CUDA raises.
    if len(batch) > capacity:
        raise torch.OutOfMemoryError(
            f"simulated: {len(batch)} rows do not fit in {capacity}"
        )
    with torch.no_grad():
        return model(batch.to(device))


def predict_all(data, batch_size):
    outputs, start = [], 0
    while start < len(data):
        batch = data[start : start + batch_size]
        try:
            out = run_batch(batch)
        except torch.OutOfMemoryError:
            if batch_size == 1:
                raise  # even one row does not fit: a real problem
            batch_size //= 2
            start += len(batch)  # move on
            continue
        outputs.append(out)
        start += len(batch)
    return torch.cat(outputs), batch_size


data = torch.randn(100, 4)
predictions, used = predict_all(data, batch_size=64)
print(tuple(predictions.shape), "final batch size", used)
