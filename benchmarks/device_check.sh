#!/usr/bin/env bash
# The checks that need a CUDA GPU, in one go, for a lent GPU machine or a learner's GPU box.
#
#   bash benchmarks/device_check.sh [OUT_DIR]      (from the repository root)
#
# Uses `python3` (or $PYTHON) as it is: that interpreter's own torch, with ipykernel and
# studytorch's other needs importable. Each step has its own time limit and prints its exit
# code; the whole log is also written to OUT_DIR/device-check.log.
set -u
out=${1:-${OUT:-/tmp/studytorch-device}}
mkdir -p "$out"
py=${PYTHON:-python3}
"$py" -c "import studytorch" 2>/dev/null || export PYTHONPATH="$PWD/tui${PYTHONPATH:+:$PYTHONPATH}"
STUDYTORCH_HOME="$(mktemp -d)"
export STUDYTORCH_HOME PYTHONUNBUFFERED=1 NO_COLOR=1 COLUMNS=120

step() {
    local title=$1 limit=$2
    shift 2
    echo
    echo "== $title"
    timeout "$limit" "$@"
    echo "-- exit $?"
}

{
    step "GPU" 30 nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
    step "doctor" 120 "$py" -m studytorch doctor --device cuda
    # tests/test_cuda.py includes `studytorch check --device cuda` (its table on failure).
    step "GPU tests" 400 "$py" -m pytest -q -p no:cacheprovider tests/test_cuda.py
    step "run overhead on cuda" 300 "$py" benchmarks/bench_run.py --device cuda --runs 3 --trips 100
    step "trace cost on cuda" 300 "$py" benchmarks/bench_trace.py --device cuda 3
    step "engine tests on this torch" 300 "$py" -m pytest -q -p no:cacheprovider -x \
        tests/test_kernel.py tests/test_probe.py tests/test_live_views.py tests/test_explain.py
} 2>&1 | tee "$out/device-check.log"
