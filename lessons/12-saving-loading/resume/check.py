expect(
    start_epoch == 3,
    f"start_epoch is {start_epoch}; the checkpoint was saved after "
    "epoch 3",
    f"start_epoch가 {start_epoch}입니다. 체크포인트는 3 에포크 뒤에 "
    "저장했습니다",
)
expect(
    torch.allclose(resumed_weight, straight_weight, atol=1e-6),
    f"resumed weight {resumed_weight.item():.5f} differs from the "
    "straight run's "
    f"{straight_weight.item():.5f}: the fresh Adam lost its running "
    "averages; "
    "load the optimizer's state too",
    f"이어서 학습한 가중치({resumed_weight.item():.5f})가 쭉 학습한 "
    "가중치"
    f"({straight_weight.item():.5f})와 다릅니다. 새 Adam에는 이동 "
    "평균이 없습니다. "
    "옵티마이저 상태도 불러오세요",
)
