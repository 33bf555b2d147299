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
        f"the label of example {i} should stay {labels[i].item():d}",
        f"{i}번 샘플의 레이블은 {labels[i].item():d} 그대로여야 합니다",
    )
# A spy transform: it must run on every access (a random augmentation
# differs each epoch), on the preprocessed floats in [0, 1].
seen = []


def spy(x):
    seen.append(x)
    return x


spied = TinyImages(images, labels, transform=spy)
seen.clear()
spied[1]
spied[1]
expect(
    len(seen) == 2,
    f"two reads of an example called the transform {len(seen)} "
    "times: the transform should run in __getitem__, on every read",
    f"샘플을 두 번 읽었는데 transform이 {len(seen)}번 "
    "호출되었습니다. transform은 __getitem__에서 읽을 때마다 "
    "실행되어야 합니다",
)
expect(
    seen[0].dtype == torch.float32 and seen[0].max() <= 1,
    f"the transform got a {seen[0].dtype} image: apply it after the "
    "preprocessing, to the floats in [0, 1]",
    f"transform이 {seen[0].dtype} 이미지를 받았습니다. 전처리 뒤, "
    "[0, 1] 범위의 실수에 적용하세요",
)
