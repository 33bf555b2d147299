"""Python-level mistakes around models: wrong arguments, a method left uncalled, a dict as model."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, family, particle

_METHODS = frozenset(
    str.split(
        "item sum mean max min std numel size dim parameters named_parameters children modules "
        "eval train detach cpu cuda numpy tolist float long double half clone zero_grad step "
        "backward state_dict values keys items argmax softmax"
    )
)
"""Methods a learner writes without `()`: their result is meant, not the method."""


def _uncalled(e: Error) -> tuple[str, str] | None:
    """(`x.item`, `item`) for the first known method the failing line names without calling."""
    text = e.get("line_text") or ""
    for found in re.finditer(r"([\w\].)\[]+?)\.(\w+)\b(?!\s*\()", text):
        if found.group(2) in _METHODS:
            return f"{found.group(1)}.{found.group(2)}", found.group(2)
    return None


@family(
    "method_without_parentheses",
    r"'(?:builtin_function_or_method|method)' object (?:is not (?:subscriptable|iterable)|has "
    r"no attribute)|unsupported operand type\(s\) for .*'(?:builtin_function_or_method|method)'|"
    r"must be real number, not (?:builtin_function_or_method|method)",
)
def _no_parentheses(m: re.Match[str], e: Error) -> tuple[str, str]:
    found = _uncalled(e)
    if found is None:
        return (
            "A method was used where its result was meant: the line names a method (such as "
            "`x.item` or `model.parameters`) without calling it. Add the parentheses: "
            "`x.item()`, `model.parameters()`.",
            "결과가 필요한 자리에 메서드 자체를 썼습니다. 이 줄에서 `x.item`이나 "
            "`model.parameters`처럼 메서드 이름만 쓰고 부르지 않은 곳을 찾아 괄호를 붙이세요: "
            "`x.item()`, `model.parameters()`.",
        )
    code, method = found
    return (
        f"`{code}` is the method itself, not its result: call it, `{code}()`. Without the "
        f"parentheses Python hands over the method `{method}` as an object, which cannot be "
        "added, indexed or looped over.",
        f"`{code}` 코드는 메서드 자체이지 그 결과가 아닙니다. 괄호를 붙여 부르세요: `{code}()`. "
        f"괄호가 없으면 파이썬은 `{method}` 메서드를 객체로 넘기므로 더하거나 인덱싱하거나 "
        "반복할 수 없습니다.",
    )


@family("shape_called", r"'torch\.Size' object is not callable")
def _shape_called(m: re.Match[str], e: Error) -> tuple[str, str]:
    found = re.search(r"([\w\].)\[]+?)\.shape\s*\(", e.get("line_text") or "")
    x = found.group(1) if found else "x"
    return (
        f"`{x}.shape` is an attribute, not a method: write `{x}.shape` without parentheses "
        f"(or call the method `{x}.size()`; `{x}.shape[0]` and `{x}.size(0)` give one size).",
        f"`{x}.shape` 속성은 메서드가 아닙니다: 괄호 없이 `{x}.shape`라고 쓰세요(메서드로는 "
        f"`{x}.size()`, 크기 하나는 `{x}.shape[0]`나 `{x}.size(0)`).",
    )


@family(
    "forward_wrong_arguments",
    r"(\w+)\.forward\(\) (?:takes (\d+) positional arguments? but (\d+) (?:was|were) given|"
    r"got an unexpected keyword argument '(\w+)')",
)
def _forward_arguments(m: re.Match[str], e: Error) -> tuple[str, str]:
    cls, takes, given, keyword = m.groups()
    call = e.get("call") or "model(...)"
    if keyword:
        return (
            f"{cls}'s `forward` has no parameter named `{keyword}`: `{call}` passed it by name. "
            f"Pass the input by position, `model(x)`, or name it as `forward` does.",
            f"{cls}의 `forward`에는 `{keyword}` 이름의 인자가 없는데 `{call}` 호출이 그 이름으로 "
            "넘겼습니다. 입력을 위치로 넘기거나(`model(x)`), `forward`에 있는 이름을 쓰세요.",
        )
    want, got = int(takes) - 1, int(given) - 1  # `self` counts in Python's numbers
    joined = "torch.cat([a, b], dim=1)"
    parsed = re.fullmatch(r"([\w.]+)\((.+)\)", call)
    if parsed and "=" not in parsed.group(2):
        joined = f"{parsed.group(1)}(torch.cat([{parsed.group(2)}], dim=1))"
    return (
        f"{cls}'s `forward` takes {want} input(s) but `{call}` passed {got}. Call the model with "
        f"exactly the inputs its `forward` names (a built-in layer such as `nn.{cls}` takes one "
        f"tensor: `layer(x)`); to feed two tensors, combine them first (`{joined}`) or write a "
        "`forward` that takes both.",
        f"{cls}의 `forward`는 입력 {want}개를 받는데 `{call}` 호출은 {got}개를 넘겼습니다. "
        f"`forward`에 적힌 입력만 넘기세요(`nn.{cls}` 같은 기본 레이어는 텐서 하나를 받습니다: "
        f"`layer(x)`). 텐서 두 개를 넣으려면 먼저 합치거나(`{joined}`) 둘을 받는 "
        "`forward`를 직접 쓰세요.",
    )


@family(
    "layer_arguments",
    r"(\w+)\.__init__\(\) (missing \d+ required positional arguments?: (.+)|"
    r"takes (?:from )?\d+.* positional arguments? but \d+ (?:was|were) given|"
    r"got an unexpected keyword argument '(\w+)')",
)
def _layer_arguments(m: re.Match[str], e: Error) -> tuple[str, str]:
    cls, said, missing, _ = m.groups()
    if missing:
        return (
            f"`{cls}(...)` needs more arguments: {missing} is missing. Give every size the layer "
            f"needs, e.g. `nn.Linear(in_features, out_features)` is `nn.Linear(3, 2)`; "
            f"`help(nn.{cls})` lists them.",
            f"`{cls}(...)`에 인자가 더 필요합니다: {missing} 인자가 빠졌습니다. 레이어에 필요한 "
            "크기를 모두 주세요. 예를 들어 `nn.Linear(in_features, out_features)`는 "
            f"`nn.Linear(3, 2)`처럼 씁니다. `help(nn.{cls})` 코드로 목록을 볼 수 있습니다.",
        )
    return (
        f"`{cls}(...)` was built with arguments it does not take ({said}). Compare the call with "
        f"`help({cls})`; a layer takes its sizes when it is built and the data later, "
        "`layer = nn.Linear(3, 2)` then `layer(x)`.",
        f"`{cls}(...)` 레이어를 받지 않는 인자로 만들었습니다({said}). 호출을 `help({cls})` 결과와 "
        "비교하세요. 레이어는 만들 때 크기를, 나중에 데이터를 받습니다: "
        "`layer = nn.Linear(3, 2)` 다음에 `layer(x)`.",
    )


@family(
    "state_dict_used_as_model",
    r"'(?:collections\.OrderedDict|dict)' object (?:has no attribute '(\w+)'|is not callable)",
)
def _state_dict_as_model(m: re.Match[str], e: Error) -> tuple[str, str]:
    text = e.get("line_text") or ""
    found = re.search(r"(\w+)(?:\.\w+|\()", text)
    name = found.group(1) if found else "state"
    return (
        f"{name} is a dictionary of tensors (what `torch.load` returns for a saved "
        "`state_dict()`), not a model: it has no layers and cannot run. Build the model first, "
        f"then load the weights into it: `model = Net(); model.load_state_dict({name})`, and use "
        "`model`.",
        f"{particle(name, '은/는')} 텐서 사전(저장한 `state_dict()`을 `torch.load`로 읽은 "
        "결과)이지 모델이 아닙니다. 레이어가 없어서 실행할 수 없습니다. 모델을 먼저 만들고 "
        f"가중치를 불러오세요: `model = Net(); model.load_state_dict({name})`. 그다음 "
        "`model`을 쓰세요.",
    )
