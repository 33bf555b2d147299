"""The learner's progress, edits and settings, kept in one SQLite file.

`health` opens and repairs the file, `schema` migrates it, `queries` reads and writes it.
"""

from studytorch.store.errors import EditConflict, StoreError
from studytorch.store.health import BUSY_TIMEOUT_MS, EMPTY_GRACE_S
from studytorch.store.queries import UNCHECKED, Store
from studytorch.store.records import OUTPUT_KEPT, RUNS_KEPT, ReviewEntry, RunRecord
from studytorch.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "BUSY_TIMEOUT_MS",
    "EMPTY_GRACE_S",
    "MIGRATIONS",
    "OUTPUT_KEPT",
    "RUNS_KEPT",
    "SCHEMA_VERSION",
    "UNCHECKED",
    "EditConflict",
    "ReviewEntry",
    "RunRecord",
    "Store",
    "StoreError",
]
