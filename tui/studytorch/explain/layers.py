"""Layers fed the wrong input: convolutions, norms, RNNs, embeddings."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, family, name_of, numbers, particle


@family(
    "conv_channels",
    r"Given groups=(\d+), weight of size \[([\d, ]+)\], expected input\[([\d, ]+)\] to have "
    r"(\d+) channels, but got (\d+) channels instead",
)
def _conv(m: re.Match[str], e: Error) -> tuple[str, str]:
    _, weight, given, want, got = m.groups()
    shape = numbers(given)
    name = name_of(e, 0, "x")
    if len(shape) >= 3 and shape[-1] == int(want):
        order = (0, len(shape) - 1, *range(1, len(shape) - 1))
        moved = tuple(shape[i] for i in order)
        permute = f"`{name}.permute({', '.join(map(str, order))})`"
        return (
            "Convolutions want channels first, (N, C, ...) = (batch, channels, then height, "
            f"width...), but {name} is [{given}]: channels last, as images from PIL/NumPy come. "
            f"Move the channels: {permute} gives {moved}.",
            "합성곱은 채널이 앞에 오는 (N, C, ...) = (배치, 채널, 그다음 높이, 너비...) 모양을 "
            f"받는데 {particle(name, '은/는')} [{given}], 즉 PIL/NumPy 이미지처럼 채널이 "
            f"마지막입니다. 채널을 옮기세요: {permute}의 결과는 {moved}입니다.",
        )
    return (
        f"This convolution (weight [{weight}]) was made for {want} input channels, but the input "
        f"[{given}] has {got} in dimension 1. Either create the layer with `in_channels={got}` "
        f"or feed it {want}-channel input (the previous layer's `out_channels` must be {want}).",
        f"이 합성곱(weight [{weight}])은 입력 채널 {want}개용인데 입력 [{given}]의 1번 차원은 "
        f"{got}입니다. 레이어를 `in_channels={got}` 값으로 만들거나 채널 {want}개인 입력을 주세요"
        f"(앞 레이어의 `out_channels` = {want}).",
    )


@family(
    "conv_input_dims",
    r"Expected (\d)D \(unbatched\) or (\d)D \(batched\) input to (\w+), but "
    r"got input of size: \[([\d, ]*)\]",
)
def _conv_dims(m: re.Match[str], e: Error) -> tuple[str, str]:
    unbatched, batched, layer, size = m.groups()
    name = name_of(e, 0, "x")
    one_short = len(numbers(size)) == int(unbatched) - 1
    fix = f"`{name}.unsqueeze(0)`" if one_short else "a reshape"
    fix_ko = f"`{name}.unsqueeze(0)`" if one_short else "모양 바꾸기"
    return (
        f"`{layer}` takes {batched}-D input (batch, channels, ...) or {unbatched}-D for one "
        f"sample, but got [{size}]. Add the missing dimensions: a single grayscale image "
        f"(H, W) needs a channel dimension, {fix} gives (1, H, W); `unsqueeze(0)` again adds "
        "the batch.",
        f"`{layer}` 레이어는 {batched}차원 입력(배치, 채널, ...)이나 샘플 하나면 {unbatched}차원을 "
        f"받는데 입력은 [{size}]입니다. 빠진 차원을 넣으세요: 흑백 이미지 한 장 (H, W)에는 "
        f"채널 차원이 필요합니다. {fix_ko}의 결과는 (1, H, W)이고, `unsqueeze(0)`을 한 번 더 "
        "하면 배치 차원이 생깁니다.",
    )


@family(
    "input_too_small",
    r"Output size is too small|Kernel size can't be greater than actual input size",
)
def _too_small(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "The input's height/width is smaller than this layer's kernel (after the earlier "
        "pooling and convolutions shrank it). Use bigger input images, fewer pooling layers, a "
        "smaller `kernel_size`, or `padding`.",
        "입력의 높이/너비가 이 레이어의 커널보다 작습니다(앞의 풀링과 합성곱이 줄였습니다). "
        "더 큰 이미지를 쓰거나 풀링을 줄이거나 `kernel_size`를 줄이거나 `padding`을 주세요.",
    )


@family(
    "layer_norm_shape",
    r"Given normalized_shape=\[([\d, ]*)\], expected input with shape "
    r"\[\*, ([\d, ]*)\], but got input of size\s*\[([\d, ]*)\]",
)
def _layer_norm(m: re.Match[str], e: Error) -> tuple[str, str]:
    norm, _, size = m.groups()
    last = numbers(size)[-1] if numbers(size) else "?"
    return (
        f"`nn.LayerNorm({norm})` normalises the last dimension(s), which must be [{norm}], but "
        f"the input is [{size}]. Create it as `nn.LayerNorm({last})`, or check which dimension "
        "holds the features.",
        f"`nn.LayerNorm({norm})` 레이어는 마지막 차원을 정규화하며 그 크기가 [{norm}]이어야 하는데 "
        f"입력은 [{size}]입니다. 레이어를 `nn.LayerNorm({last})` 모양으로 만들거나 특성이 어느 "
        "차원에 있는지 확인하세요.",
    )


@family("batch_norm_features", r"running_mean should contain (\d+) elements not (\d+)")
def _bn_size(m: re.Match[str], e: Error) -> tuple[str, str]:
    got, want = m.groups()
    return (
        f"This BatchNorm was made for {want} features (channels), but the input has {got} in "
        f"dimension 1. Create it as `nn.BatchNorm1d({got})` / `nn.BatchNorm2d({got})` to match "
        "the previous layer's output.",
        f"이 BatchNorm은 특성(채널) {want}개용인데 입력의 1번 차원은 {got}입니다. 앞 레이어 "
        f"출력에 맞게 레이어를 `nn.BatchNorm1d({got})` / `nn.BatchNorm2d({got})` 모양으로 "
        "만드세요.",
    )


@family(
    "batch_norm_one_sample",
    r"Expected more than 1 value per channel when training, got input "
    r"size torch\.Size\(\[([\d, ]*)\]\)",
)
def _bn_one(m: re.Match[str], e: Error) -> tuple[str, str]:
    called = re.match(r"\s*([\w.]+)\(", e.get("call") or "")
    model = called.group(1) if called else "model"
    return (
        "In training mode BatchNorm normalises over the batch, and a batch of one "
        f"([{m.group(1)}]) has no spread. Two likely intents: you are predicting, so call "
        f"`{model}.eval()` first; or you are training, so use batches of 2 or more "
        "(`drop_last=True` in the DataLoader drops a last batch of one).",
        f"학습 모드의 BatchNorm은 배치에 걸쳐 정규화하는데, 샘플 하나짜리 배치([{m.group(1)}])는 "
        f"퍼짐이 없습니다. 의도에 따라: 예측하는 중이면 먼저 `{model}.eval()` 메서드를, 학습 "
        "중이면 2개 이상인 배치를 쓰세요(DataLoader의 `drop_last=True`는 하나짜리 마지막 배치를 "
        "버립니다).",
    )


@family(
    "rnn_input_size", r"input\.size\(-1\) must be equal to input_size\. Expected (\d+), got (\d+)"
)
def _rnn(m: re.Match[str], e: Error) -> tuple[str, str]:
    want, got = m.groups()
    return (
        f"This RNN/LSTM was made with `input_size={want}`, but each time step of the input has "
        f"{got} features (the last dimension). Create it with `input_size={got}`, or check the "
        "input layout: (seq, batch, features) by default, (batch, seq, features) with "
        "`batch_first=True`.",
        f"이 RNN/LSTM의 `input_size`는 {want}인데 입력의 시점마다 특성이 {got}개입니다"
        f"(마지막 차원). 레이어를 `input_size={got}` 값으로 만들거나 입력의 차원 순서를 "
        "확인하세요: 기본은 (seq, batch, features), `batch_first=True`면 "
        "(batch, seq, features)입니다.",
    )


@family("embedding_index_out_of_range", r"IndexError: index out of range in self")
def _embedding(m: re.Match[str], e: Error) -> tuple[str, str]:
    emb = e.get("embedding") or {}
    name = name_of(e, 0, "x")
    if emb:
        count, top = emb["num_embeddings"], emb["max_index"]
        return (
            f"The embedding has {count} rows, so indices must be 0 to {count - 1}, but {name} "
            f"contains {top}. Make the table big enough, `nn.Embedding({top + 1}, ...)` (usually "
            "the vocabulary size plus any special tokens), or fix how the indices were made.",
            f"임베딩의 행은 {count}개라서 인덱스는 0부터 {count - 1}까지여야 하는데 {name}에 "
            f"{top} 값이 있습니다. 테이블을 충분히 크게 만들거나(`nn.Embedding({top + 1}, ...)`, "
            "보통 어휘 크기에 특수 토큰 수를 더한 값) 인덱스를 만든 방법을 고치세요.",
        )
    return (
        "An index is outside the table it looks up (most often an `nn.Embedding` with fewer "
        "rows than the largest token id). `num_embeddings` must be larger than the biggest index.",
        "인덱스가 찾으려는 테이블 밖에 있습니다(대개 가장 큰 토큰 번호보다 행이 적은 "
        "`nn.Embedding`). `num_embeddings`가 가장 큰 인덱스보다 커야 합니다.",
    )
