# reason: 'NoneType' object is not callable
from torch.utils.data import Dataset

torch.manual_seed(0)
images = torch.randint(
    0, 256, (6, 1, 4, 4), dtype=torch.uint8
)  # 6 tiny grey images
labels = torch.tensor([0, 1, 0, 1, 1, 0])


class TinyImages(Dataset):
    def __init__(self, images, labels, transform=None):
        self.images = images
        self.labels = labels
        self.transform = transform

    def __len__(self):
        return len(self.images)

    def __getitem__(self, idx):
        x = (
            self.images[idx].float() / 255
        )  # preprocess: bytes -> floats in [0, 1]
        x = self.transform(x)
        y = self.labels[idx]
        return x, y


def hflip(x):
    return torch.flip(x, dims=[-1])  # augment: mirror left-right


plain = TinyImages(images, labels)
augmented = TinyImages(images, labels, transform=hflip)
x_plain, _ = plain[0]
x_aug, _ = augmented[0]
print(x_plain[0], x_aug[0], sep="\n")
