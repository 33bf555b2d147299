"""RunResult: everything one run reported, gathered from its events (for the CLI and tests)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from studytorch.kernel.protocol import (
    Died,
    Display,
    Done,
    Error,
    Event,
    Restarted,
    Stream,
    Summary,
)
from studytorch.kernel.summary import (
    Batch,
    DataSummary,
    ErrorSummary,
    Graph,
    LineRecord,
    Metrics,
    ModuleSummary,
    OptimizerSummary,
    RunSummary,
    RunWarning,
    TensorSummary,
    decode_run,
    empty_run,
)
from studytorch.notice import Notice
from studytorch.ui_text import say


@dataclass
class RunResult:
    """One run: what it printed, how it ended, and the probe's summary (decoded once, here)."""

    stdout: str = ""
    stderr: str = ""
    displays: list[str] = field(default_factory=list)
    error: ErrorSummary | None = None
    traceback: list[str] = field(default_factory=list)
    summary: RunSummary = field(default_factory=empty_run)
    status: str = "ok"
    duration_s: float = 0.0
    dropped: int = 0
    notices: list[Notice] = field(default_factory=list)
    """Things the bridge had to say: a dead kernel, a restart (codes; the front ends say them)."""
    log_tail: str = ""
    """The end of a dead kernel's log, as the kernel wrote it."""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def gpu_broken(self) -> bool:
        """The run hit a CUDA error that leaves the GPU unusable until the kernel restarts."""
        return self.summary["gpu_broken"]

    @property
    def tensors(self) -> list[TensorSummary]:
        return self.summary["tensors"]

    @property
    def modules(self) -> list[ModuleSummary]:
        return self.summary["modules"]

    @property
    def optimizers(self) -> list[OptimizerSummary]:
        return self.summary["optimizers"]

    @property
    def data(self) -> list[DataSummary]:
        return self.summary["data"]

    @property
    def lines(self) -> list[LineRecord]:
        """Shapes per snippet line, for the editor's annotations."""
        return self.summary["lines"]

    @property
    def metrics(self) -> Metrics:
        return self.summary["metrics"]

    @property
    def batches(self) -> list[Batch]:
        return self.summary["batches"]

    @property
    def graphs(self) -> dict[str, Graph]:
        return self.summary["graph"]

    @property
    def warnings(self) -> list[RunWarning]:
        return self.summary["warnings"]

    def transcript(self) -> str:
        """What the run printed, then how it failed: kept in the run history."""
        text = self.stdout + self.stderr + "".join(f"{d}\n" for d in self.displays)
        if self.error is not None and not self.ok:
            text += f"{self.error['type']}: {self.error['message']}\n"
        return text

    def compare_with(self, previous: RunResult | None) -> None:
        """Put the previous run's grad norms beside this run's (a missing zero_grad shows as
        growth). Only ever the same step's previous run: never what another step left."""
        before: dict[tuple[str, str], Any] = {}
        for module in previous.modules if previous else []:
            for param in module["parameters"]:
                before[(module["name"], param["name"])] = param.get("grad_norm")
        for module in self.modules:
            for param in module["parameters"]:
                norm = before.get((module["name"], param["name"]))
                param["grad_norm_before"] = norm if isinstance(norm, float) else None

    def add(self, event: Event) -> None:
        if isinstance(event, Stream):
            if event.name == "stderr":
                self.stderr += event.text
            else:
                self.stdout += event.text
        elif isinstance(event, Display):
            self.displays.append(event.text)
        elif isinstance(event, Summary) and event.kind == "run":
            self.summary = decode_run(event.payload)
            probe_error = self.summary["error"]
            if probe_error and self.error is not None:
                self.error.update(probe_error)
                self.error["explanation"] = _explain(self.error)
        elif isinstance(event, Error):
            self.error = {"type": event.ename, "message": event.evalue, "line": None}
            self.traceback = event.traceback
        elif isinstance(event, (Died, Restarted)):
            self.notices.append(event.why)
            if isinstance(event, Died):
                # The documented English of `run --json` (and what the explainer reads); the
                # app says `event.why` in the learner's language from the event itself.
                message = say(event.why, "en")
                self.error = {"type": "KernelDied", "message": message, "line": None}
                self.error["explanation"] = _explain(self.error)
                self.log_tail = event.log_tail
        elif isinstance(event, Done):
            self.status = event.status
            self.duration_s = event.duration_s
            self.dropped = event.dropped

    def to_json(self) -> dict[str, Any]:
        """The contract of `studytorch run --json` (see docs/run-json.md)."""
        return {
            "ok": self.ok,
            "status": self.status,
            "stdout": self.stdout,
            "stderr": self.stderr,
            "displays": self.displays,
            "error": self.error,
            "tensors": self.tensors,
            "modules": self.modules,
            "optimizers": self.optimizers,
            "data": self.data,
            "lines": self.lines,
            "graph": self.graphs,
            "metrics": self.metrics,
            "batches": self.batches,
            "warnings": self.warnings,
            "duration_s": round(self.duration_s, 4),
            "output_dropped": self.dropped,
            "gpu_broken": self.gpu_broken,
            "notices": [say(notice, "en") for notice in self.notices]
            + ([self.log_tail] if self.log_tail else []),
        }


async def collect(events: AsyncIterator[Event]) -> RunResult:
    result = RunResult()
    async for event in events:
        result.add(event)
    return result


def _explain(error: ErrorSummary) -> dict[str, str] | None:
    if error.get("type") == "KeyboardInterrupt":
        # The learner stopped the run (F8): nothing to explain, and the fallback's "compare the
        # values with what the message expects" (the message is empty) would only mislead.
        return None
    # the explainer is large and only needed once a run fails: not on the app's start-up path.
    from studytorch.explain import explain

    return explain(dict(error))
