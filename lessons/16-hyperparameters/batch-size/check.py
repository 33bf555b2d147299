expect(
    updates == {8: 96, 128: 6},
    f"updates is {updates}; 256 samples for 3 epochs give 3 * 256 / 8 "
    "= 96 and 3 * 256 / 128 = 6 steps",
    f"updates가 {updates}입니다. 샘플 256개로 3 에포크면 3 * 256 / 8 "
    "= 96, 3 * 256 / 128 = 6 스텝입니다",
)
expect(
    final_loss[8] < final_loss[128],
    f"with the same lr and epochs, batch 8 ({final_loss[8]:.4g}) "
    "should end lower than batch 128 "
    f"({final_loss[128]:.4g}): it took 16 times as many steps",
    f"학습률과 에포크가 같으면 배치 8({final_loss[8]:.4g})이 배치 "
    f"128({final_loss[128]:.4g})보다 "
    "낮게 끝나야 합니다. 스텝을 16배 밟았기 때문입니다",
)
