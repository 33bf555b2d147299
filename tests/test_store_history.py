"""The store's second schema: run history with code and output, review state, and the
migration that brings a learner's existing database there without losing anything."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from studytorch.store import OUTPUT_KEPT, RUNS_KEPT, SCHEMA_VERSION, Store

V1_DATABASE = Path(__file__).parent / "data" / "progress-v1.sqlite"
"""Made by the released Store (schema 1): an edit, a passed step, four runs, two visits, lang."""


def test_a_released_database_migrates_keeping_everything(tmp_path: Path) -> None:
    db = tmp_path / "progress.sqlite3"
    shutil.copy(V1_DATABASE, db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    with Store(db) as store:
        assert store.notice is None  # migrated in place, not moved aside
        assert store.load_edit("shape-ops", "view") == "x = torch.arange(6)\ny = x.view(3, 2)\n"
        assert store.passed_steps("shape-ops") == {"view"}
        assert store.last_position() == ("tensors", "create")
        assert store.get_setting("lang") == "ko"
        old = store.run_history("shape-ops", "view")
        assert [run.status for run in old] == ["ok", "ok", "ok"]
        assert all(run.code is None and run.metrics == {} for run in old)
        assert all(run.verdict is None for run in old), "recorded before verdicts were kept"
        assert store.started_lessons() == {"shape-ops", "tensors"}
        store.record_run(
            "shape-ops", "view", "ok", 0.3, code="y = x.view(4, 2)\n", verdict="failed"
        )
        newest = store.run_history("shape-ops", "view", limit=1)[0]
        assert newest.code == "y = x.view(4, 2)\n" and newest.verdict == "failed"
        assert store.review_states() == {}
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4


def test_a_run_keeps_its_code_output_and_metrics(tmp_path: Path) -> None:
    db = tmp_path / "progress.sqlite3"
    with Store(db) as store:
        store.record_run("training-loop", "loop", "ok", 2.0)  # the old call still works
        store.record_run(
            "training-loop",
            "loop",
            "ok",
            1.5,
            code="loss = model(x).sum()\n",
            output="epoch 1\n",
            metrics={"loss": [2.0, 1.0, 0.5]},
        )
    with Store(db) as store:
        newest, oldest = store.run_history("training-loop", "loop")
        assert newest.code == "loss = model(x).sum()\n"
        assert newest.output == "epoch 1\n"
        assert newest.metrics == {"loss": [2.0, 1.0, 0.5]}
        assert oldest.code is None and oldest.output is None


def test_long_output_keeps_its_end_and_says_what_was_cut(tmp_path: Path) -> None:
    with Store(tmp_path / "progress.sqlite3") as store:
        printed = "".join(f"line {i}\n" for i in range(5000)) + "final loss 0.01\n"
        store.record_run("tensors", "create", "ok", 0.1, output=printed)
        (run,) = store.run_history("tensors", "create")
        assert run.output.endswith("final loss 0.01\n")
        cut = len(printed) - OUTPUT_KEPT
        assert run.output.startswith(f"[{cut} earlier characters not kept]\n")


def test_only_the_newest_runs_of_a_step_are_kept(tmp_path: Path) -> None:
    with Store(tmp_path / "progress.sqlite3") as store:
        store.record_run("tensors", "other", "ok", 0.1, code="kept\n")
        for i in range(RUNS_KEPT + 5):
            store.record_run("tensors", "create", "ok", 0.1, code=f"x = {i}\n")
        history = store.run_history("tensors", "create", limit=1000)
        assert RUNS_KEPT == 50 and len(history) == RUNS_KEPT
        assert history[0].code == f"x = {RUNS_KEPT + 4}\n"
        assert history[-1].code == "x = 5\n"
        assert store.run_history("tensors", "other")[0].code == "kept\n"


def test_review_state_and_log_survive_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "progress.sqlite3"
    with Store(db) as store:
        # FSRS's own JSON: a row that is not (a hand edit, a crash) is set aside on read.
        first = json.dumps({"card_id": 1, "state": 1, "due": "2026-01-01T00:00:00+00:00"})
        second = json.dumps({"card_id": 1, "state": 2, "due": "2026-01-02T00:00:00+00:00"})
        store.save_review("shape-ops:abc", "shape-ops", first, 100.0, 3, 50.0)
        store.save_review("shape-ops:abc", "shape-ops", second, 900.0, 4, 60.0)
    with Store(db) as store:
        assert store.review_states() == {"shape-ops:abc": (second, 900.0)}
        assert [(e.rating, e.at) for e in store.review_log()] == [(3, 50.0), (4, 60.0)]
        assert [e.rating for e in store.review_log(since=55.0)] == [4]
