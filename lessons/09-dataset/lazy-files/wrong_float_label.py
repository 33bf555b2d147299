# reason: an int64 label
import os
import tempfile

from torch.utils.data import Dataset

data_dir = tempfile.mkdtemp(
    prefix="lesson-csv-"
)  # a new private folder each run
gen = torch.Generator().manual_seed(0)
for i in range(6):
    features = torch.randn(3, generator=gen)
    label = int(features.sum() > 0)
    with open(os.path.join(data_dir, f"sample_{i}.csv"), "w") as f:
        f.write(
            ",".join(f"{v:.4f}" for v in features.tolist())
            + f",{label}\n"
        )


def read_text(path):
    with open(path) as f:
        return f.read()


class CsvFolder(Dataset):
    def __init__(self, folder):
        self.paths = sorted(
            os.path.join(folder, name) for name in os.listdir(folder)
        )

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        values = [
            float(v)
            for v in read_text(self.paths[idx]).strip().split(",")
        ]
        return torch.tensor(values[:-1]), torch.tensor(values[-1])


samples = CsvFolder(data_dir)
print(len(samples), samples[0])
