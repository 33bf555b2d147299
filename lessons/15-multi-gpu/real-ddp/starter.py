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
    folder = sys.argv[3]
    dist.init_process_group(
        "gloo",
        init_method=Path(folder, "rendezvous").as_uri(),
        rank=rank,
        world_size=world_size,
    )
    torch.manual_seed(0)  # the same starting weights on every rank
    model = DDP(nn.Linear(2, 1))
    data = torch.arange(16.0).view(8, 2) / 8
    target = data.sum(dim=1, keepdim=True)
    x, y = data[0:4], target[0:4]  # which rows should this rank take?

    with model.no_sync():  # backward without the all-reduce
        nn.functional.mse_loss(model(x), y).backward()
    local = model.module.weight.grad.flatten().tolist()
    model.zero_grad()
    # DDP all-reduces here:
    nn.functional.mse_loss(model(x), y).backward()
    synced = model.module.weight.grad.flatten().tolist()
    with open(f"{folder}/rank{rank}.json", "w") as out:
        json.dump({"local": local, "synced": synced}, out)
    # Leave together, so neither rank tears the group down under the
    # other.
    dist.barrier()
    dist.destroy_process_group()
""")

world_size = 2
with tempfile.TemporaryDirectory() as folder:
    script = Path(folder) / "worker.py"
    script.write_text(WORKER)
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(script),
                str(rank),
                str(world_size),
                folder,
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        for rank in range(world_size)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=45)
        if worker.returncode != 0:
            print("a worker failed:", err)
    results = [
        json.loads((Path(folder) / f"rank{rank}.json").read_text())
        for rank in range(world_size)
    ]

for rank, result in enumerate(results):
    print(
        f"rank {rank}: local {result['local']} -> all-reduced "
        f"{result['synced']}"
    )
