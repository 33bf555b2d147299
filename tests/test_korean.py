"""Korean particles follow the sound of the word before them (korean.py)."""

import pytest

from studytorch.korean import format_ko, particle


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("텐서", "이/가", "텐서가"),
        ("모양", "이/가", "모양이"),
        ("h", "을/를", "h를"),
        ("10", "이라는/라는", "10이라는"),
        ("(5, 3)", "과/와", "(5, 3)과"),
        ("(2, 4)", "과/와", "(2, 4)와"),
        ("loss", "은/는", "loss는"),
        ("model", "으로/로", "model로"),
        ("step", "으로/로", "step으로"),
        ("파일", "으로/로", "파일로"),
        ("`x`", "이/가", "`x`가"),
        ("`l`", "이/가", "`l`이"),
        ("7", "으로/로", "7로"),
        ("3", "으로/로", "3으로"),
        ("100", "을/를", "100을"),
        ("2", "을/를", "2를"),
        # English words by their Korean reading: a final t/k/p is a 받침 after one short vowel.
        ("out", "은/는", "out은"),
        ("input", "을/를", "input을"),
        ("target", "이/가", "target이"),
        ("mask", "을/를", "mask를"),
        ("loop", "이/가", "loop가"),
        ("weight", "은/는", "weight는"),
        ("root", "은/는", "root는"),
        ("book", "은/는", "book은"),
        ("test", "과/와", "test와"),
        ("hidden", "을/를", "hidden을"),
        ("optimizer", "이/가", "optimizer가"),
        ("x1", "은/는", "x1은"),
        ("model(x)", "은/는", "model(x)는"),
        ("`h`", "을/를", "`h`를"),
        ("10", "은/는", "10은"),
        ("1,000", "이/가", "1,000이"),
        ("[2, 3]", "과/와", "[2, 3]과"),
    ],
)
def test_particle_follows_the_sound(word: str, pair: str, expected: str) -> None:
    assert particle(word, pair) == expected


def test_templates_choose_particles() -> None:
    assert format_ko("{name:이/가} 없습니다", name="w") == "w가 없습니다"
    assert format_ko("{count:,:이/가} 남았습니다", count=1000) == "1,000이 남았습니다"
    assert format_ko("{shape:과/와} 다릅니다", shape=(5, 3)) == "(5, 3)과 다릅니다"
    assert format_ko("{n}개", n=3) == "3개"
