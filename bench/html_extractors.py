"""Saved web pages: the standard library reader against extraction libraries, on the
HTML fixtures that have a ground truth. Run it in an environment that has them:

    python3 -m venv /tmp/x && /tmp/x/bin/pip install -e . trafilatura readability-lxml
    /tmp/x/bin/python bench/html_extractors.py

Each library extracts the article; its output then goes through the same recap rules
(headline, furniture, key moments), so only the extraction differs. Prints the
quality totals of bench/recap_quality.py per reader, the time per page and the time to
import the library.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from episodetui.core.recaps import guess_target, parse_recap  # noqa: E402
from recap_quality import FIXTURES, evaluate  # noqa: E402


def _stdlib(html: str):
    return parse_recap(html)


def _trafilatura(html: str):
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, output_format="python", include_comments=False, include_tables=False, with_metadata=True
    )
    body = trafilatura.extract(
        html, output_format="markdown", include_comments=False, include_tables=False, include_images=False
    )
    title = (doc.title if doc is not None and not isinstance(doc, dict) else (doc or {}).get("title")) or ""
    return parse_recap(f"# {title}\n\n{body or ''}")


def _readability(html: str):
    from readability import Document

    document = Document(html)
    return parse_recap(
        f"<html><body><article><h1>{document.short_title()}</h1>{document.summary(html_partial=True)}</article></body></html>"
    )


READERS = {
    "stdlib html.parser": (_stdlib, None),
    "trafilatura": (_trafilatura, "trafilatura"),
    "readability-lxml": (_readability, "readability"),
}


def main() -> int:
    cases = []
    for truth_file in sorted(FIXTURES.glob("*.truth.json")):
        stem = truth_file.name[: -len(".truth.json")]
        article = FIXTURES / f"{stem}.html"
        if article.exists():
            cases.append((article, json.loads(truth_file.read_text(encoding="utf-8"))))
    titles = [t["suggested"]["show"] for _, t in cases]

    def guess(parsed, library):
        found = guess_target(parsed, library)
        return found.show_title, found.season, found.number

    print(f"{len(cases)} saved pages with a ground truth\n")
    print(
        f"{'reader':20} {'import':>8} {'per page':>9} {'fully':>6} {'headline':>8} {'lists':>6} {'leaked':>6} {'lost':>5} {'guess':>6}"
    )
    for name, (read, module) in READERS.items():
        started = time.perf_counter()
        if module:
            try:
                importlib.import_module(module)
            except ImportError:
                print(f"{name:20} not installed")
                continue
        imported = time.perf_counter() - started
        started = time.perf_counter()
        results = [
            evaluate(article, truth, lambda data, _n, r=read: r(data.decode("utf-8")), guess, titles)
            for article, truth in cases
        ]
        per_page = (time.perf_counter() - started) / len(cases)
        lists = [r for r in results if r.has_list]
        print(
            f"{name:20} {imported * 1000:>6.0f}ms {per_page * 1000:>7.1f}ms "
            f"{sum(r.fully_correct for r in results):>3}/{len(results):<2} {sum(r.headline_ok for r in results):>5}/{len(results):<2} "
            f"{sum(r.moments_ok for r in lists):>3}/{len(lists):<2} {sum(len(r.leaked) for r in results):>6} "
            f"{sum(r.lost for r in results):>5} {sum(r.guess_ok for r in results):>3}/{len(results):<2}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
