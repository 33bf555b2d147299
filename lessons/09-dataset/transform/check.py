for i in range(len(images)):
    base = images[i].float() / 255
    xp, yp = plain[i]
    xa, ya = augmented[i]
    expect(
        torch.allclose(xp, base),
        f"plain[{i}] should be the image scaled to [0, 1], with no "
        "transform",
        f"plain[{i}]: transform 없이 [0, 1] 범위로 바꾼 이미지여야 "
        "합니다",
    )
    expect(
        torch.allclose(xa, torch.flip(base, dims=[-1])),
        f"augmented[{i}] should be the scaled image mirrored by hflip",
        f"augmented[{i}]: [0, 1] 범위로 바꾼 이미지를 hflip으로 "
        "뒤집은 것이어야 합니다",
    )
    expect(
        yp.item() == ya.item() == labels[i].item(),
        f"the label of example {i} should stay {labels[i].item()}",
        f"{i}번 샘플의 레이블은 {labels[i].item()} 그대로여야 합니다",
    )
