# reason: batch 0 is
from torch.utils.data import DataLoader

sentences = [[5, 2, 9], [7, 1], [3, 8, 6, 4], [2]]  # token ids
dataset = [
    (torch.tensor(s), len(s) % 2) for s in sentences
]  # (tokens, label)


def pad_batch(batch):
    seqs, labels = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    padded = torch.nn.utils.rnn.pad_sequence(
        list(seqs), padding_value=0
    )
    return padded, lengths, torch.tensor(labels)


loader = DataLoader(
    dataset, batch_size=2, collate_fn=pad_batch, num_workers=0
)
for batch in loader:
    print(batch)
