"""How well recap import reads real-shaped articles: every fixture in
tests/fixtures/recaps/ that has a ground-truth file (NAME.truth.json) is parsed, and
the result is compared with the truth.

    .venv/bin/python bench/recap_quality.py [--verbose]

Per article: headline exact; body paragraphs (count, and each expected paragraph
found by its first words: one not found is "lost"); key moments exact (the list, in
order); furniture lines leaked (a line the truth says must be dropped that is a body
paragraph, a key moment, or glued to the start or end of one); the suggested show and
episode. Totals at the end. Exit status 0 always: this measures, the unit tests judge.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
FIXTURES = ROOT / "tests" / "fixtures" / "recaps"


def _parser():
    """(parse(bytes, name) -> parsed, guess(parsed, titles) -> (show, season, number))."""
    from episodetui.core.encoding import decode_text

    try:
        from episodetui.core.recaps import guess_target, parse_recap
    except ImportError:  # the importer before it became a package
        from episodetui.core.recap_import import guess_target, parse_recap

        def guess(parsed, titles):
            found = guess_target(parsed.headline, titles)
            return found.show_title, found.season, found.number
    else:

        def guess(parsed, titles):
            found = guess_target(parsed, titles)
            return found.show_title, found.season, found.number

    return (lambda data, name: parse_recap(decode_text(data, name))), guess


def _norm(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", " ").split()).casefold()


@dataclass
class Result:
    name: str
    fmt: str = "?"
    headline_ok: bool = False
    paragraphs: int = 0
    expected_paragraphs: int = 0
    lost: int = 0
    has_list: bool = False
    moments_ok: bool = False
    false_moments: int = 0
    leaked: list[str] = field(default_factory=list)
    guess_ok: bool = False
    error: str = ""

    @property
    def fully_correct(self) -> bool:
        return (
            not self.error
            and self.headline_ok
            and self.paragraphs == self.expected_paragraphs
            and not self.lost
            and self.moments_ok
            and not self.leaked
            and self.guess_ok
        )


def evaluate(path: Path, truth: dict, parse, guess, titles: list[str]) -> Result:
    result = Result(path.name, expected_paragraphs=truth["paragraphs"], has_list=bool(truth["key_moments"]))
    try:
        parsed = parse(path.read_bytes(), path.name)
    except Exception as error:  # noqa: BLE001 - a measurement: report, go on
        result.error = f"{type(error).__name__}: {error}"
        result.lost = truth["paragraphs"]
        return result
    result.fmt = parsed.format
    result.headline_ok = _norm(parsed.headline) == _norm(truth["headline"])
    result.paragraphs = len(parsed.paragraphs)
    starts = [_norm(p) for p in parsed.paragraphs]
    result.lost = sum(
        1 for words in truth["first_words"] if not any(s.startswith(_norm(words)) for s in starts)
    )
    moments = [_norm(m.text) for m in parsed.key_moments]
    result.moments_ok = moments == [_norm(m) for m in truth["key_moments"]]
    if not truth["key_moments"]:
        result.false_moments = len(moments)
    pieces = starts + moments
    for line in truth["dropped"]:
        key = _norm(line)
        if any(piece == key or piece.startswith(key + " ") or piece.endswith(" " + key) for piece in pieces):
            result.leaked.append(line)
    want = truth["suggested"]
    got = guess(parsed, titles)
    if want is None:
        result.guess_ok = got[0] is None and got[2] is None
    else:
        expected_season = want["season"] if want["episode"] is not None else None
        season = (got[1] or 1) if got[2] is not None else None
        result.guess_ok = got[0] == want["show"] and (season, got[2]) == (expected_season, want["episode"])
    return result


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--verbose", action="store_true", help="say what went wrong in each article")
    options.add_argument(
        "--only", metavar="PREFIX", help="measure only the articles whose name starts with PREFIX"
    )
    args = options.parse_args(argv)
    parse, guess = _parser()
    cases = []
    for truth_file in sorted(FIXTURES.glob("*.truth.json")):
        stem = truth_file.name[: -len(".truth.json")]
        if args.only and not stem.startswith(args.only):
            continue
        article = next(p for p in FIXTURES.iterdir() if p.stem == stem and not p.name.endswith(".json"))
        cases.append((article, json.loads(truth_file.read_text(encoding="utf-8"))))
    every_truth = [json.loads(t.read_text(encoding="utf-8")) for t in FIXTURES.glob("*.truth.json")]
    titles = sorted(
        {t["suggested"]["show"] for t in every_truth if t["suggested"] and t["suggested"]["show"]}
        | {"Soundtrack #1", "Harbour Lights"}
    )
    started = time.perf_counter()
    results = [evaluate(article, truth, parse, guess, titles) for article, truth in cases]
    elapsed = time.perf_counter() - started

    yes = lambda ok: "yes" if ok else "NO"  # noqa: E731
    header = f"{'article':34} {'fmt':8} {'headline':8} {'paras':>7} {'lost':>4} {'moments':7} {'leaked':>6} {'guess':5} {'all':3}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.name[:34]:34} {r.fmt[:8]:8} {yes(r.headline_ok):8} {r.paragraphs:>3}/{r.expected_paragraphs:<3} "
            f"{r.lost:>4} {yes(r.moments_ok):7} {len(r.leaked):>6} {yes(r.guess_ok):5} {yes(r.fully_correct):3}"
        )
        if args.verbose and (r.error or r.leaked):
            for line in ([r.error] if r.error else []) + [f"leaked: {line}" for line in r.leaked]:
                print(f"    {line}")
    n = len(results)
    lists = [r for r in results if r.has_list]
    print()
    print(f"articles                 {n}")
    print(f"fully correct            {sum(r.fully_correct for r in results)}/{n}")
    print(f"headlines right          {sum(r.headline_ok for r in results)}/{n}")
    print(f"key-moment lists exact   {sum(r.moments_ok for r in lists)}/{len(lists)} (articles with a list)")
    print(f"false key moments        {sum(r.false_moments for r in results)} (in articles without a list)")
    print(
        f"furniture lines leaked   {sum(len(r.leaked) for r in results)} ({sum(len(r.leaked) for r in results) / n:.2f} per article)"
    )
    print(
        f"body paragraphs lost     {sum(r.lost for r in results)} of {sum(r.expected_paragraphs for r in results)}"
    )
    print(f"guesses right            {sum(r.guess_ok for r in results)}/{n}")
    print(f"errors                   {sum(bool(r.error) for r in results)}")
    print(f"time                     {elapsed * 1000:.0f} ms for {n} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
