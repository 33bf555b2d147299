"""Korean particles chosen by the sound of the word before them, never written as 이(가).

`particle("loss", "을/를")` -> "loss를", `particle("(5, 3)", "과/와")` -> "(5, 3)과".
Templates in the catalogue say `{name:을/를}` and `KoreanFormatter` fills in word and particle.
Hangul is read exactly; numbers and Latin code by their usual Korean reading (a heuristic for
Latin words: `model` 모델 ends in ㄹ, `step` 스텝 in ㅂ, `loss` 로스 in a vowel).
"""

from __future__ import annotations

import string

# Each pair: (after a final consonant, after a vowel). 으로/로 also takes 로 after ㄹ.
PAIRS: dict[str, tuple[str, str]] = {
    "이/가": ("이", "가"),
    "을/를": ("을", "를"),
    "은/는": ("은", "는"),
    "과/와": ("과", "와"),
    "이나/나": ("이나", "나"),
    "으로/로": ("으로", "로"),
    "이라는/라는": ("이라는", "라는"),
    "이라고/라고": ("이라고", "라고"),
    "이에요/예요": ("이에요", "예요"),
    "입니다/입니다": ("입니다", "입니다"),
    "이다/다": ("이다", "다"),
}
# Accept either order and a lone half ("을" means 을/를).
_LOOKUP: dict[str, tuple[str, str]] = {}
for _key, _pair in PAIRS.items():
    _a, _b = _key.split("/")
    _LOOKUP[_key] = _LOOKUP[f"{_b}/{_a}"] = _LOOKUP[_a] = _LOOKUP[_b] = _pair

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # the index of ㄹ among the final consonants

# Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구 -> (has final, final is ㄹ).
_DIGITS = {
    "0": (True, False),
    "1": (True, True),
    "2": (False, False),
    "3": (True, False),
    "4": (False, False),
    "5": (False, False),
    "6": (True, False),
    "7": (True, True),
    "8": (True, True),
    "9": (False, False),
}
# Single letters by their names: 엘 엠 엔 알 end in a consonant, the rest in a vowel.
_LETTERS = {"l": (True, True), "r": (True, True), "m": (True, False), "n": (True, False)}
# Characters passed over to find the sound: closing quotes, brackets, code marks.
_SILENT = " \t`'\"()[]{}<>.,:;!?*_~“”‘’「」"


def _sound(word: str) -> tuple[bool, bool]:
    """(ends in a final consonant, that consonant is ㄹ) for how `word` is read aloud."""
    text = word.rstrip(_SILENT)
    if not text:
        return (False, False)
    last = text[-1]
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        final = (code - _HANGUL_FIRST) % 28
        return (final != 0, final == _RIEUL)
    if last.isdigit():
        digits = text[len(text.rstrip("0123456789")) :]
        if set(digits) == {"0"} or (len(digits) > 1 and digits.endswith("0")):
            return (True, False)  # 영, 십, 백, 천, 만: all end in a consonant
        return _DIGITS.get(last, (False, False))
    if last.isascii() and last.isalpha():
        letters = text[len(text.rstrip(string.ascii_letters)) :].lower()
        if len(letters) == 1:
            return _LETTERS.get(letters, (False, False))
        return _latin_word(letters)
    return (False, False)


def _latin_word(word: str) -> tuple[bool, bool]:
    """A rule of thumb for an English word's Korean reading: model 모델, step 스텝, loss 로스,
    out 아웃, input 인풋, but mask 마스크, loop 루프, weight 웨이트, test 테스트."""
    if word.endswith(("l", "le")):
        return (True, True)
    if word.endswith(("m", "n", "ng", "me", "ne")):
        return (True, False)
    if word.endswith(("t", "k", "p", "b")) and len(word) > 1:
        # A final t/k/p/b is a 받침 after one short vowel (net 넷, input 인풋, step 스텝, book 북),
        # and its own syllable 트/크/프/브 after a consonant (test, mask, help) or a long vowel
        # (weight, float, loop, repeat).
        before = word[-2]
        if before not in "aeiou":
            return (False, False)
        long_vowel = word[-3:-1] in ("ai", "ea", "ee", "ei", "oa", "oo", "ui")
        if long_vowel and not word.endswith("ook"):  # book 북, look 룩; root 루트, loop 루프
            return (False, False)
        return (True, False)
    return (False, False)


def particle(word: object, pair: str) -> str:
    """`word` followed by the half of `pair` ("을/를", "이/가", ...) that its sound takes."""
    text = str(word)
    after_consonant, after_vowel = _LOOKUP[pair]
    final, rieul = _sound(text)
    if after_consonant == "으로":
        return text + ("로" if not final or rieul else "으로")
    return text + (after_consonant if final else after_vowel)


class KoreanFormatter(string.Formatter):
    """`str.format` that reads a particle as a format spec: "{name:을/를}" -> "x를"."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec in _LOOKUP:
            return particle(value, format_spec)
        if ":" in format_spec:  # "{n:,:이/가}": a number format, then a particle
            spec, _, pair = format_spec.rpartition(":")
            if pair in _LOOKUP:
                return particle(format(value, spec), pair)
        return super().format_field(value, format_spec)


_FORMATTER = KoreanFormatter()


def format_ko(template: str, /, *args: object, **fields: object) -> str:
    """`template.format(...)` with particles chosen: the one way Korean templates are filled."""
    return _FORMATTER.format(template, *args, **fields)
