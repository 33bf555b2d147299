import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

WORKER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    import torch
    import torch.distributed as dist
    from torch import nn
    from torch.nn.parallel import DistributedDataParallel as DDP

    rank, world_size = int(sys.argv[1]), int(sys.argv[2])
    folder = Path(sys.argv[3])
    dist.init_process_group(
        "gloo",
        init_method=(folder / "rendezvous").as_uri(),
        rank=rank,
        world_size=world_size,
    )


    def save(state, path):
        with open(folder / "saves.log", "a") as log:  # who saved
            log.write(f"{rank} ")
        torch.save(state, path)


    torch.manual_seed(rank)  # a different init on every rank, until
    model = DDP(nn.Linear(2, 1))  # DDP copies rank 0's to the others
    start = model.module.weight.flatten().tolist()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    data = torch.arange(16.0).view(8, 2) / 8
    target = data.sum(dim=1, keepdim=True)
    x, y = data[rank * 4:rank * 4 + 4], target[rank * 4:rank * 4 + 4]

    with model.no_sync():  # backward without the all-reduce
        nn.functional.mse_loss(model(x), y).backward()
    local = model.module.weight.grad.flatten().tolist()
    optimizer.zero_grad()
    # DDP all-reduces here:
    nn.functional.mse_loss(model(x), y).backward()
    synced = model.module.weight.grad.flatten().tolist()
    optimizer.step()

    if rank == 0:
        save(model.module.state_dict(), folder / "checkpoint.pt")

    trained = model.module.weight.flatten().tolist()
    with open(folder / f"rank{rank}.json", "w") as out:
        json.dump(
            {"start": start, "local": local, "synced": synced,
             "trained": trained},
            out,
        )
    # Leave together, so neither rank tears the group down under the
    # other.
    dist.barrier()
    dist.destroy_process_group()
""")

world_size = 2
with tempfile.TemporaryDirectory() as name:
    folder = Path(name)
    (folder / "worker.py").write_text(WORKER)
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(folder / "worker.py"),
                str(rank),
                str(world_size),
                name,
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        for rank in range(world_size)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=60)
        if worker.returncode != 0:
            print("a worker failed:", err)
    results = [
        json.loads((folder / f"rank{rank}.json").read_text())
        for rank in range(world_size)
    ]
    saved_by = sorted(
        int(r) for r in (folder / "saves.log").read_text().split()
    )
    saved = torch.load(folder / "checkpoint.pt", weights_only=True)

for rank, result in enumerate(results):
    print(
        f"rank {rank}: started from {result['start']}, local gradient "
        f"{result['local']} -> all-reduced {result['synced']}"
    )
print("saved by ranks", saved_by, "with keys", sorted(saved))
