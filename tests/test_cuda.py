"""What only a CUDA GPU can show: device reporting, GPU errors, the lessons on `cuda`.

Skipped on machines without CUDA (CI has none); `benchmarks/device_check.sh` runs this file on
a GPU box. The kernel runs with `--device cuda`, as a learner on a GPU box gets by default.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from conftest import RUN_LIMIT_S, cuda_available, studytorch_cmd, subprocess_env, warm_session
from studytorch.kernel import KernelSession
from studytorch.kernel.result import RunResult, collect

pytestmark = [
    pytest.mark.kernel,
    pytest.mark.cuda,
    pytest.mark.skipif(not cuda_available(), reason="needs a CUDA GPU"),
]


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def gpu(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[KernelSession]:
    async with warm_session("cuda", tmp_path_factory.mktemp("kernel-logs")) as session:
        yield session


async def run(session: KernelSession, code: str) -> RunResult:
    return await asyncio.wait_for(collect(session.execute(code)), RUN_LIMIT_S)


@pytest.mark.asyncio(loop_scope="module")
async def test_tensors_on_the_gpu_report_their_device_and_stats(gpu: KernelSession) -> None:
    result = await run(gpu, "x = torch.arange(6.0, device=device).view(2, 3)\ny = x * 2\n")
    assert result.ok, result.error
    y = {t["name"]: t for t in result.tensors}["y"]
    assert y["device"] == "cuda:0"
    assert y["shape"] == [2, 3]
    assert y["stats"]["max"] == pytest.approx(10.0)
    assert y["stats"]["mean"] == pytest.approx(5.0)


@pytest.mark.asyncio(loop_scope="module")
async def test_device_mismatch_is_explained_with_both_devices(gpu: KernelSession) -> None:
    result = await run(gpu, "a = torch.ones(3, device=device)\nb = torch.ones(3)\nc = a + b\n")
    assert result.status == "error"
    assert result.error["line"] == 3
    devices = {o["name"]: o["device"] for o in result.error["operands"]}
    assert devices == {"a": "cuda:0", "b": "cpu"}
    assert "different devices" in result.error["explanation"]["en"]
    assert "장치" in result.error["explanation"]["ko"]


@pytest.mark.asyncio(loop_scope="module")
async def test_out_of_memory_is_explained_and_the_kernel_keeps_working(
    gpu: KernelSession,
) -> None:
    # 1 PiB: more than any GPU has, refused at once without touching what others use.
    result = await run(gpu, "big = torch.empty(1 << 50, dtype=torch.uint8, device=device)\n")
    assert result.status == "error"
    assert "out of memory" in result.error["message"].lower()
    assert "ran out of memory" in result.error["explanation"]["en"]
    after = await run(gpu, "z = torch.ones(2, device=device)\n")
    assert after.ok, after.error


@pytest.mark.asyncio(loop_scope="module")
async def test_a_training_loop_streams_its_loss_from_the_gpu(gpu: KernelSession) -> None:
    code = (
        "torch.manual_seed(0)\n"
        "x = torch.randn(64, 3, device=device)\n"
        "y = x @ torch.tensor([[1.0], [-2.0], [0.5]], device=device)\n"
        "model = torch.nn.Linear(3, 1).to(device)\n"
        "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
        "for step in range(50):\n"
        "    optimizer.zero_grad()\n"
        "    loss = torch.nn.functional.mse_loss(model(x), y)\n"
        "    loss.backward()\n"
        "    optimizer.step()\n"
    )
    result = await run(gpu, code)
    assert result.ok, result.error
    losses = result.summary["metrics"]["loss"]
    assert len(losses) == 50
    assert losses[-1] < losses[0] / 10
    params = result.summary["modules"][0]["parameters"]
    assert all(p["grad_norm"] is not None for p in params)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_late_gpu_error_belongs_to_the_run_that_caused_it(gpu: KernelSession) -> None:
    # Label 5 with 3 classes: on CUDA a device-side assert that surfaces only at the next
    # synchronisation, after the snippet's last line.
    code = (
        "logits = torch.randn(4, 3, device=device)\n"
        "labels = torch.tensor([0, 1, 2, 5], device=device)\n"
        "loss = torch.nn.functional.cross_entropy(logits, labels)\n"
    )
    result = await run(gpu, code)
    assert result.status == "error"
    assert "device-side assert" in result.error["message"]
    assert "F9" in result.error["explanation"]["en"]
    assert result.gpu_broken
    await gpu.restart()
    after = await run(gpu, "z = torch.ones(2, device=device) + 1\n")
    assert after.ok, after.error


def test_every_lesson_passes_its_checks_on_cuda() -> None:
    proc = subprocess.run(
        studytorch_cmd("check", "--device", "cuda"),
        capture_output=True,
        text=True,
        timeout=600,
        env=subprocess_env(),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
