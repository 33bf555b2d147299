"""The engine's contracts with the UI: the run summary decoded once where it arrives (what a
view reads is always there), and one kernel contract for the real session and the fakes."""

from __future__ import annotations

import asyncio

from studytorch.kernel import RunResult, Summary
from studytorch.kernel.summary import decode_run, said


def test_a_summary_missing_fields_still_gives_every_view_its_empty_value():
    summary = decode_run({"kind": "run"})
    assert summary["tensors"] == [] and summary["graph"] == {} and summary["metrics"] == {}
    assert summary["error"] is None and summary["gpu_broken"] is False


def test_items_a_view_could_not_draw_are_dropped_and_the_rest_kept():
    good = {"name": "x", "shape": [2], "dtype": "float32", "device": "cpu", "requires_grad": False}
    summary = decode_run(
        {
            "tensors": [good, {"name": "no shape"}, "junk"],
            "metrics": {"loss": [1.0, 0.5], "bad": 3},
            "graph": {"loss": {"nodes": []}, "odd": []},
            "error": {"message": "boom", "line": "7"},
        }
    )
    assert summary["tensors"] == [good]
    assert summary["metrics"] == {"loss": [1.0, 0.5]}
    assert list(summary["graph"]) == ["loss"]
    assert summary["error"] == {"type": "Error", "message": "boom", "line": None}


def test_decoding_twice_gives_the_same_objects_so_runs_are_known_by_identity():
    payload = {"kind": "run", "metrics": {"loss": [1.0]}}
    first = decode_run(payload)
    metrics = first["metrics"]
    assert decode_run(payload)["metrics"] is metrics


def test_a_run_result_reads_its_summary_through_typed_fields():
    result = RunResult()
    warning = {"kind": "no_step", "en": "no step", "ko": "step 없음"}
    result.add(Summary({"kind": "run", "warnings": [warning], "modules": [{"name": "m"}]}))
    assert result.warnings == [warning] and said(result.warnings[0], "ko") == "step 없음"
    assert result.modules == []  # a module without its counts cannot be drawn
    assert result.to_json()["warnings"] == [warning]


def test_the_real_session_and_the_fake_implement_one_kernel_contract():
    from fakes import FakeSession
    from studytorch.kernel import Kernel, KernelSession, KernelState

    assert issubclass(KernelSession, Kernel) and issubclass(FakeSession, Kernel)
    fake = FakeSession()
    seen: list[KernelState] = []
    fake.on_state = seen.append
    assert (fake.running, fake.owns_kernel, fake.device) == (False, True, None)
    asyncio.run(fake.start())
    assert fake.device == "cpu" and seen == [KernelState.READY]
