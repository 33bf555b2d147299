expect(
    moved.device.type == weights.device.type,
    f"moved is on {moved.device}; it should be on {weights.device}",
    f"moved가 {moved.device}에 있습니다. {weights.device}에 있어야 "
    "합니다",
)
expect(
    moved.dtype == torch.float32,
    f"moved has dtype {moved.dtype}; expected torch.float32 (pass it "
    "to .to as well)",
    f"moved의 dtype이 {moved.dtype}입니다. torch.float32여야 "
    "합니다(.to에 함께 넘기세요)",
)
expect(
    cpu_data.device.type == "cpu" and cpu_data.dtype == torch.int64,
    ".to returns a new tensor: cpu_data itself should stay an int64 "
    "tensor on the CPU",
    ".to는 새 텐서를 돌려줍니다. cpu_data 자체는 CPU의 int64 텐서로 "
    "남아야 합니다",
)
expect(
    abs(total.item() - 5.0) < 1e-5,
    f"total is {total.item():.4g}; expected 0*0.5 + 1*1.0 + 2*2.0 = "
    "5.0",
    f"total이 {total.item():.4g}입니다. 0*0.5 + 1*1.0 + 2*2.0 = "
    "5.0이어야 합니다",
)
