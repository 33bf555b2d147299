"""DataLoader batches that cannot be made from what the Dataset returned."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, family


@family(
    "collate_bad_sample",
    r"default_collate: batch must contain tensors, numpy arrays, numbers, "
    r"dicts or lists; found <class '([\w.]+)'>",
)
def _collate_type(m: re.Match[str], e: Error) -> tuple[str, str]:
    kind = m.group(1)
    batch = e.get("batch_indices")
    which = f" (samples {batch})" if batch is not None else ""
    which_ko = f"(샘플 {batch})" if batch is not None else ""
    if kind == "NoneType":
        return (
            f"The Dataset returned None for a sample{which}: `__getitem__` has no `return` (or "
            "a path where it returns nothing). Return the sample, e.g. `return x, y`.",
            f"Dataset이 샘플로 None을 돌려줬습니다{which_ko}. `__getitem__`에 `return`이 없거나 "
            "아무것도 돌려주지 않는 경로가 있습니다. 샘플을 돌려주세요(예: `return x, y`).",
        )
    return (
        f"The DataLoader cannot put {kind} objects into a batch{which}. Convert each sample to a "
        "tensor in the Dataset (e.g. a torchvision `transforms.ToTensor()` for images).",
        f"DataLoader는 {kind} 객체를 배치로 묶을 수 없습니다{which_ko}. Dataset에서 샘플마다 "
        "텐서로 바꾸세요(이미지라면 torchvision의 `transforms.ToTensor()` 등).",
    )


@family(
    "collate_fn_called",
    r"^TypeError: '([\w.]+)' object is not callable",
    when=lambda e: e.get("batch_indices") is not None,
)
def _collate_called(m: re.Match[str], e: Error) -> tuple[str, str]:
    kind, batch = m.group(1), e["batch_indices"]
    fn = e.get("collate_fn_called") or "pad_batch"  # the probe reads it from the snippet
    return (
        f"The DataLoader called its `collate_fn` to make a batch (samples {batch}), but it is "
        f"a {kind}, not a function: `collate_fn={fn}(...)` called the function once, when the "
        f"DataLoader was made, and passed its result. Pass the function itself, without "
        f"parentheses: `collate_fn={fn}`. The DataLoader calls it with each batch's samples.",
        f"DataLoader가 배치를 만들려고(샘플 {batch}) `collate_fn`을 불렀는데, 함수가 아니라 "
        f"{kind} 객체입니다. `collate_fn={fn}(...)`처럼 쓰면 DataLoader를 만들 때 함수를 한 번 "
        f"부르고 그 결과를 넘깁니다. 괄호 없이 함수 자체를 넘기세요: `collate_fn={fn}`. "
        "DataLoader가 배치마다 샘플들을 넣어 부릅니다.",
    )


@family("collate_ragged_lists", r"each element in list of batch should be of equal size")
def _collate_lists(m: re.Match[str], e: Error) -> tuple[str, str]:
    batch = e.get("batch_indices")
    which = f" (samples {batch})" if batch is not None else ""
    which_ko = f"(샘플 {batch})" if batch is not None else ""
    return (
        f"The Dataset returned lists of different lengths in one batch{which}, which cannot form "
        "a rectangle. Return tensors of one fixed size (pad or truncate), or pass a `collate_fn` "
        "that pads (`torch.nn.utils.rnn.pad_sequence`).",
        f"Dataset이 한 배치 안에서 길이가 다른 리스트를 돌려줘서 직사각형을 만들 수 "
        f"없습니다{which_ko}. 크기가 고정된 텐서를 돌려주거나(패딩, 자르기) 패딩하는 "
        "`collate_fn`(`torch.nn.utils.rnn.pad_sequence`)을 주세요.",
    )


@family("dataset_without_getitem", r"Subclasses of Dataset should implement __getitem__")
def _no_getitem(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "The Dataset class has no `__getitem__` that PyTorch can see. Most often it is indented "
        "one level too deep (inside `__init__`, where it is only a local function) or misspelt "
        "(`__getitem`, `__get_item__`). Write `def __getitem__(self, index):` at the same "
        "indentation as `def __init__`, returning one sample.",
        "Dataset 클래스에 PyTorch가 찾을 수 있는 `__getitem__` 메서드가 없습니다. 대개 한 단계 "
        "더 들여써져서(`__init__` 안의 지역 함수가 됨) 또는 철자가 틀려서(`__getitem`, "
        "`__get_item__`) 생깁니다. `def __getitem__(self, index):`를 `def __init__`과 같은 "
        "들여쓰기로 쓰고 샘플 하나를 돌려주세요.",
    )


@family("no_len", r"object of type '([\w.]+)' has no len\(\)")
def _no_len(m: re.Match[str], e: Error) -> tuple[str, str]:
    kind = m.group(1)
    if kind in ("generator", "map", "filter", "zip", "range_iterator", "list_iterator"):
        return (
            f"A {kind} produces its items one at a time and has no length. Make a list of it "
            "first (`items = list(items)`) if you need `len()` or to index it.",
            f"{kind} 객체는 항목을 하나씩 만들어 낼 뿐 길이가 없습니다. `len()`이나 인덱싱이 "
            "필요하면 먼저 리스트로 만드세요(`items = list(items)`).",
        )
    return (
        f"`len()` was asked of a {kind}, which does not define `__len__`. A DataLoader asks its "
        "dataset for its length (to shuffle, to count batches): give the Dataset class a "
        "`def __len__(self): return len(self.samples)` (the number of samples), at the same "
        "indentation as `__getitem__`.",
        f"{kind} 객체에 `len()`을 물었는데 이 클래스에는 `__len__`이 없습니다. DataLoader는 "
        "데이터셋의 길이를 묻습니다(섞을 때, 배치 수를 셀 때). Dataset 클래스에 "
        "`def __len__(self): return len(self.samples)`(샘플 수)를 `__getitem__`과 같은 "
        "들여쓰기로 넣으세요.",
    )


@family("sampler_with_shuffle", r"sampler option is mutually exclusive with shuffle")
def _sampler_shuffle(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "A `sampler` already decides the order in which samples are drawn, so the DataLoader "
        "cannot also `shuffle`. Keep one: drop `shuffle=True` when you pass `sampler=` (a "
        "`RandomSampler` or `SubsetRandomSampler` shuffles by itself).",
        "`sampler`가 이미 샘플을 뽑을 순서를 정하므로 DataLoader가 따로 섞을(`shuffle`) 수 "
        "없습니다. 하나만 쓰세요: `sampler=`를 넘길 때는 `shuffle=True`를 빼세요"
        "(`RandomSampler`나 `SubsetRandomSampler`는 스스로 섞습니다).",
    )


@family(
    "workers_cannot_pickle",
    r"Can't pickle|Can't get attribute '\w+' on <module '__main__'|"
    r"cannot pickle '\w+' object",
)
def _cannot_pickle(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "A DataLoader with `num_workers` > 0 starts worker processes and sends them the dataset "
        "and its functions by pickling. With the spawn start method (macOS, Windows, some "
        "Linux setups) a lambda, a function defined inside another, or a class defined in the "
        "snippet itself cannot be sent. Use `num_workers=0` here (data is loaded in this "
        "process); in a script, define the Dataset and `collate_fn` at the top level of a "
        "module and use `def`, not `lambda`.",
        "`num_workers`가 0보다 큰 DataLoader는 작업 프로세스를 띄우고 데이터셋과 함수를 "
        "피클로 보냅니다. spawn 방식(macOS, Windows, 일부 리눅스)에서는 람다, 함수 안에서 정의한 "
        "함수, 이 코드 안에서 정의한 클래스는 보낼 수 없습니다. 여기서는 `num_workers=0`을 "
        "쓰세요(이 프로세스에서 데이터를 읽습니다). 스크립트라면 Dataset과 `collate_fn`을 "
        "모듈의 맨 위 수준에 `lambda` 대신 `def`로 정의하세요.",
    )


@family("loader_not_subscriptable", r"'DataLoader' object is not subscriptable")
def _loader_index(m: re.Match[str], e: Error) -> tuple[str, str]:
    found = re.search(r"(\w+)\s*\[", e.get("line_text") or "")
    loader = found.group(1) if found else "loader"
    return (
        f"A DataLoader is iterated, not indexed: take one batch with `next(iter({loader}))` (or "
        f"loop `for xb, yb in {loader}:`); one sample is `{loader}.dataset[0]`.",
        f"DataLoader는 인덱싱하지 않고 반복합니다. 배치 하나는 `next(iter({loader}))` 코드로 "
        f"꺼내고(또는 `for xb, yb in {loader}:` 루프), 샘플 하나는 `{loader}.dataset[0]`입니다.",
    )
