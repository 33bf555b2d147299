expect(
    len(samples) == 6,
    f"len(samples) is {len(samples)}; the folder holds 6 files",
    f"len(samples)가 {len(samples)}입니다. 폴더에는 파일이 6개 "
    "있습니다",
)
x0, y0 = samples[0]
expect(
    tuple(x0.shape) == (3,)
    and x0.dtype == torch.float32
    and y0.dtype == torch.int64,
    "samples[0] should be (3 float32 features, an int64 label), got "
    f"shapes {tuple(x0.shape)}, {tuple(y0.shape)}",
    "samples[0]은 (float32 특성 3개, int64 레이블)이어야 합니다. "
    f"모양이 {tuple(x0.shape)}, {tuple(y0.shape)}입니다",
)
path = samples.paths[2]
with open(path) as f:
    original = f.read()
# Read it once before the edit: a Dataset that keeps what it read the
# first time would otherwise pass.
samples[2]
try:
    with open(path, "w") as f:
        f.write("9.0,8.0,7.0,1\n")
    changed, _ = samples[2]
finally:
    with open(path, "w") as f:
        f.write(original)
expect(
    changed.tolist() == [9.0, 8.0, 7.0],
    "samples[2] did not see a change made to its file after the "
    "Dataset was built: read the file in __getitem__, not in __init__",
    "Dataset을 만든 뒤 파일을 고쳤는데 samples[2]가 바뀐 내용을 보지 "
    "못했습니다. 파일은 __init__이 아니라 __getitem__에서 읽으세요",
)
