"""`run --json` keeps its contract: docs/run-json.schema.json says what docs/run-json.md says, and
what the command prints (a full run, a run that fails early) validates against it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest

from conftest import studytorch_cmd, subprocess_env

DOCS = Path(__file__).parents[1] / "docs"
SCHEMA = json.loads((DOCS / "run-json.schema.json").read_text(encoding="utf-8"))
TYPES = {
    "bool": ["boolean"],
    "string": ["string"],
    "number": ["number"],
    "int": ["integer"],
    "object": ["object"],
    "list": ["array"],
    "list of strings": ["array"],
    "null or object": ["null", "object"],
}
"""The type column of docs/run-json.md, in JSON Schema's words."""


def documented() -> dict[str, str]:
    """`key` -> type, from the table in docs/run-json.md."""
    rows = {}
    for line in (DOCS / "run-json.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].startswith("`"):
            for key in re.findall(r"`(\w+)`", cells[0]):
                rows[key] = cells[1]
    return rows


def schema_types(node: dict) -> list[str]:
    if "oneOf" in node:
        return sorted(t for option in node["oneOf"] for t in schema_types(option))
    if "$ref" in node:
        return schema_types(SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]])
    kind = node["type"]
    return sorted(kind if isinstance(kind, list) else [kind])


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_docs_and_the_schema_name_the_same_keys_with_the_same_types() -> None:
    docs = documented()
    assert set(docs) == set(SCHEMA["properties"]) == set(SCHEMA["required"])
    for key, written in docs.items():
        assert schema_types(SCHEMA["properties"][key]) == sorted(TYPES[written]), key


def test_the_docs_and_the_schema_list_the_same_statuses_and_warning_kinds() -> None:
    text = (DOCS / "run-json.md").read_text(encoding="utf-8")
    status_row = next(line for line in text.splitlines() if line.startswith("| `status`"))
    statuses = set(re.findall(r"`(\w+)`", status_row)) - {"status", "exit", "quit"}
    assert statuses == set(SCHEMA["properties"]["status"]["enum"])
    warning_row = next(line for line in text.splitlines() if line.startswith("| `warnings`"))
    kinds = set(re.findall(r"`(\w+)`", warning_row.split("one of", 1)[1]))
    assert kinds == set(SCHEMA["$defs"]["warning"]["properties"]["kind"]["enum"])


def test_the_schema_knows_every_warning_the_probe_can_give() -> None:
    probe = Path(__file__).parents[1] / "tui" / "studytorch" / "kernel" / "probe"
    source = "\n".join(path.read_text(encoding="utf-8") for path in probe.glob("*.py"))
    given = set(re.findall(r'_warning\(\s*"(\w+)"', source))
    assert given and given == set(SCHEMA["$defs"]["warning"]["properties"]["kind"]["enum"])


def run_json(*args: str) -> tuple[int, dict]:
    proc = subprocess.run(
        studytorch_cmd("run", "--json", *args),
        capture_output=True,
        text=True,
        timeout=120,
        env=subprocess_env(),
    )
    return proc.returncode, json.loads(proc.stdout)


FULL_RUN = """\
from torch.utils.data import DataLoader, TensorDataset
x = torch.randn(8, 3)
y = x.sum(dim=1, keepdim=True)
loader = DataLoader(TensorDataset(x, y), batch_size=4, num_workers=0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(2):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
        track("acc", 0.5)
z = torch.zeros(2, 1, 3).squeeze(0)
z @ torch.ones(4, 4)
"""


@pytest.mark.kernel
def test_a_run_that_fills_every_key_validates(tmp_path: Path) -> None:
    snippet = tmp_path / "full.py"
    snippet.write_text(FULL_RUN, encoding="utf-8")
    code, report = run_json("--device", "cpu", str(snippet))
    assert code == 1, report
    jsonschema.validate(report, SCHEMA)
    for key in ("tensors", "modules", "optimizers", "data", "lines", "metrics", "batches"):
        assert report[key], f"the run was meant to fill {key}"
    assert report["error"]["explanation"] is not None
    [weight, bias] = report["modules"][0]["parameters"]
    assert weight["grad_norm_before"] is None and bias["grad_norm_before"] is None


def test_a_file_that_cannot_be_read_still_gives_every_key(tmp_path: Path) -> None:
    code, report = run_json(str(tmp_path / "missing.py"))
    assert code == 2
    jsonschema.validate(report, SCHEMA)
    assert report["status"] == "usage" and report["stdout"] == "" and report["tensors"] == []


def test_a_kernel_that_cannot_start_still_gives_every_key(tmp_path: Path) -> None:
    snippet = tmp_path / "x.py"
    snippet.write_text("x = 1\n", encoding="utf-8")
    code, report = run_json("--python", "/nonexistent/python3", str(snippet))
    assert code == 3
    jsonschema.validate(report, SCHEMA)
    assert report["status"] == "kernel" and "/nonexistent/python3" in report["error"]["message"]
