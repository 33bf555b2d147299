# The check's own inputs: 70 rows, started at 64 per batch.
rows = torch.randn(70, 4, generator=torch.Generator().manual_seed(3))
with torch.no_grad():
    want = model(rows.to(device))
try:
    got, size = predict_all(rows, 64)
    raised = None
except torch.OutOfMemoryError as err:
    raised = str(err)
expect(
    raised is None,
    f"predict_all(rows, 64) raised OutOfMemoryError ({raised}): catch "
    "torch.OutOfMemoryError around run_batch and retry the same rows "
    "with batch_size halved",
    f"predict_all(rows, 64)가 OutOfMemoryError({raised})를 냈습니다. "
    "run_batch를 torch.OutOfMemoryError로 감싸 잡고, batch_size를 "
    "절반으로 줄여 같은 행을 다시 시도하세요",
)
expect(
    tuple(got.shape) == (70, 3),
    f"predict_all returns {tuple(got.shape)} for 70 rows: retry the "
    "batch that failed, smaller; don't skip it or stop",
    "predict_all이 70행에 대해 돌려준 모양이 "
    f"{tuple(got.shape)}입니다. "
    "실패한 배치를 건너뛰거나 멈추지 말고, 더 작게 다시 시도하세요",
)
expect(
    torch.allclose(got, want, atol=1e-6),
    "predict_all's rows are not model(rows) in order: each batch must "
    "pick up at the first row that has no prediction yet",
    "predict_all의 결과가 순서대로 model(rows)가 아닙니다. 배치마다 "
    "아직 예측하지 않은 첫 행부터 시작해야 합니다",
)
expect(
    size == 16,
    f"predict_all settled on batch size {size}; halving from 64 until "
    "a batch fits in 24 rows gives 16, kept for the rest",
    f"predict_all이 정한 배치 크기가 {size}입니다. 64에서 24행에 "
    "들어갈 때까지 절반으로 줄이면 16입니다",
)
