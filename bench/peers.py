"""filing-grammar beside edgartools (issue 12): "file to items + date of
report", on the corpus's plain-text full submissions and its HTML 8-Ks.

    .venv/bin/python bench/peers.py [--corpus DIR] [--rounds N]
    .venv/bin/python -m pip install -e '.[bench]'   # edgartools, to compare

Installs nothing: edgartools is used when it can be imported, else skipped
with a note.  Everything is offline: the proxy variables point at a closed
port while edgartools runs, so any attempt to reach the network fails at once
(and is counted as a failure) instead of waiting.

* ours: ``filing_grammar.parse(bytes, path)`` -> the item numbers and
  ``cover.date_of_report``;
* edgartools: a full submission through ``Filing.from_sgml(path)`` and
  ``EightK(filing)`` -> ``.items`` and ``.date_of_report`` (its date is the
  header's CONFORMED PERIOD OF REPORT); an HTML document without an SEC header
  through the same ``EightK`` on a stand-in filing that offers the document's
  HTML (``html()``) and its text (``text()``, edgartools' own HTML parser), and
  no header, so no date.

Prints, per kind, files, MB, seconds and MB/s of each, the ratio, failures
(exceptions), the files whose item numbers agree, and the dates that agree.
Seconds are CPU seconds; each tool's import time is left out (edgartools
takes seconds to import).  Before each of our passes, what our process kept
of the filings it read (``filing_grammar.cache.forget``: tags, references)
is forgotten, so the figure is a first pass over these files, as in a batch
of filings never met; ``--warm`` keeps it (a pass over files just read);
``--primed`` times each half of the files after a pass over the other half,
as a process in a long batch has read other filings (not these) before.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

KINDS = (("text", lambda k: k == "8-K-text-full-submission"), ("html", lambda k: k.startswith("8-K-html")))
_NUMBER = re.compile(r"(\d+)\.?\s*(\d{2})?")


def corpus_files(corpus: str) -> dict[str, list[str]]:
    with open(os.path.join(corpus, "MANIFEST.tsv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return {name: [os.path.join(corpus, "files", r["file"]) for r in rows if test(r["kind"])]
            for name, test in KINDS}


def _norm(items) -> frozenset[str]:
    """Item numbers as 'N.NN' (or 'N' for the old numbering), whoever read them."""
    out = set()
    for item in items:
        m = _NUMBER.search(str(item))
        if m:
            out.add(f"{int(m.group(1))}.{m.group(2)}" if m.group(2) else str(int(m.group(1))))
    return frozenset(out)


# ---------------------------------------------------------------------------
#  ours
# ---------------------------------------------------------------------------
def ours(path: str, data: bytes):
    import filing_grammar as fg
    filing = fg.parse(data, path)
    numbers = [n for item in filing.items for n in (item.numbers or (item.number,)) if n]
    return _norm(numbers), filing.cover.date_of_report if filing.cover else None


# ---------------------------------------------------------------------------
#  edgartools
# ---------------------------------------------------------------------------
def load_edgartools():
    """(EightK, Filing, HTMLParser, ParserConfig), or None with the reason."""
    dead = "http://127.0.0.1:9"  # a closed port: no waiting on the network
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        os.environ[var] = dead
    os.environ.pop("NO_PROXY", None)
    os.environ.pop("no_proxy", None)
    os.environ.setdefault("EDGAR_IDENTITY", "filing-grammar bench bench@example.invalid")
    warnings.simplefilter("ignore")
    try:
        from edgar import Filing
        from edgar.company_reports import EightK
        from edgar.documents import HTMLParser, ParserConfig
    except ImportError as exc:
        return None, f"edgartools is not importable ({exc}); pip install -e '.[bench]'"

    class OfflineFiling(Filing):
        """edgartools' Filing of a local full submission, kept off the
        network: with no HTML primary document it would fetch the filing's
        index page, and a plain-text primary document that has a <FILENAME>
        it would download again; here the index has no documents and the
        text is the primary document's, from the submission in hand."""

        @property
        def homepage(self):
            return _NoHomepage()

        def _download_filing_text(self):
            primary = self.sgml().attachments.primary_documents
            content = primary[0].content if primary else ""
            return content.decode("utf-8", "replace") if isinstance(content, bytes) else content

    return (EightK, OfflineFiling, HTMLParser, ParserConfig), ""


class _NoHomepage:
    primary_html_document = None
    primary_xml_document = None


class _Header:
    period_of_report = None


class _HtmlOnly:
    """A stand-in for edgartools' Filing of an HTML document with no SEC
    header: what EightK asks of a filing for its items."""

    form = "8-K"
    header = _Header()

    def __init__(self, html: str, parser_cls, config_cls) -> None:
        self._html, self._parser, self._config = html, parser_cls, config_cls

    def html(self) -> str:
        return self._html

    def text(self) -> str:
        doc = self._parser(self._config(form="8-K")).parse(self._html)
        return "" if doc.is_empty else doc.text()


def _has_header(data: bytes) -> bool:
    head = data[:4096]
    return b"<SEC-HEADER>" in head or b"<SEC-DOCUMENT>" in head or b"<SUBMISSION>" in head


def edgartools(api, path: str, data: bytes):
    EightK, Filing, HTMLParser, ParserConfig = api
    if _has_header(data):
        filing = Filing.from_sgml(path)
    else:
        html = data.decode("utf-8", "replace")
        if "<DOCUMENT>" in html[:2000]:  # a wrapper: the HTML of its <TEXT>
            m = re.search(r"<TEXT>(.*?)(?:</TEXT>|\Z)", html, re.S | re.I)
            html = m.group(1) if m else html
        filing = _HtmlOnly(html, HTMLParser, ParserConfig)
    report = EightK(filing)
    date = report.date_of_report
    return _norm(report.items), date.isoformat() if date else None


# ---------------------------------------------------------------------------
def run(tool, files: list[tuple[str, bytes]], forget: bool = False) -> tuple[float, int, dict]:
    """CPU seconds, failures, and path -> (items, date) of one tool over
    files.  CPU time, not wall time: a peer that tried the network and waited
    before a retry must not look slower for the waiting (the machine's load
    matters less too).  ``forget``: our process forgets what it kept of the
    filings read before (cache.forget), first."""
    results, failures = {}, 0
    if forget:
        from filing_grammar import cache
        cache.forget()
    start = time.process_time()
    for path, data in files:
        try:
            results[path] = tool(path, data)
        except Exception as exc:  # noqa: BLE001 - a peer's failure is counted, not fatal
            failures += 1
            if os.environ.get("PEERS_DEBUG"):
                print(f"  {os.path.basename(path)}: {type(exc).__name__}: {str(exc)[:200]}")
    return time.process_time() - start, failures, results


def primed(files: list[tuple[str, bytes]]) -> float:
    """Our CPU seconds over ``files``, each half timed after a pass over the
    other half (what the process kept is of other filings)."""
    half = len(files) // 2
    total = 0.0
    for timed, other in ((files[:half], files[half:]), (files[half:], files[:half])):
        run(ours, other, forget=True)
        total += run(ours, timed)[0]
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--rounds", type=int, default=1, help="timed passes of each tool (best kept)")
    ap.add_argument("--warm", action="store_true",
                    help="keep what our process read of the files from one pass to the next")
    ap.add_argument("--primed", action="store_true",
                    help="time each half of the files after a pass over the other half")
    args = ap.parse_args(argv)
    if not os.path.isfile(os.path.join(args.corpus, "MANIFEST.tsv")):
        print(f"no corpus at {args.corpus} (MANIFEST.tsv): nothing to measure")
        return 0

    start = time.perf_counter()
    import filing_grammar as fg  # noqa: F401
    from filing_grammar.parser import get_parser
    get_parser()
    our_import = time.perf_counter() - start
    start = time.perf_counter()
    api, why = load_edgartools()
    their_import = time.perf_counter() - start
    print(f"import: filing-grammar {our_import:.2f} s" +
          (f", edgartools {their_import:.2f} s (left out of the figures below)" if api else ""))
    if api is None:
        print(f"edgartools skipped: {why}")

    print(f"{'kind':<5} {'files':>5} {'MB':>6} | {'ours s':>7} {'MB/s':>6} {'fail':>4} | "
          f"{'edgar s':>7} {'MB/s':>6} {'fail':>4} | {'ratio':>6} {'items agree':>11} {'dates':>5}")
    for kind, paths in corpus_files(args.corpus).items():
        files = []
        for p in paths:
            with open(p, "rb") as fh:
                files.append((p, fh.read()))
        mb = sum(len(d) for _, d in files) / 1e6
        if args.primed:
            ours_t = min(primed(files) for _ in range(args.rounds))
        else:
            ours_t = min(run(ours, files, forget=not args.warm)[0] for _ in range(args.rounds))
        _, ours_fail, ours_res = run(ours, files)
        line = f"{kind:<5} {len(files):>5} {mb:>6.2f} | {ours_t:>7.3f} {mb / ours_t:>6.2f} {ours_fail:>4} | "
        if api is None:
            print(line + f"{'-':>7} {'-':>6} {'-':>4} | {'-':>6} {'-':>11} {'-':>5}")
            continue
        timed = [run(lambda p, d: edgartools(api, p, d), files) for _ in range(args.rounds)]
        their_t = min(t for t, _, _ in timed)
        _, their_fail, their_res = timed[-1]
        both = [p for p in ours_res if p in their_res]
        agree = sum(ours_res[p][0] == their_res[p][0] for p in both)
        dates = sum(1 for p in both if ours_res[p][1] and ours_res[p][1] == their_res[p][1])
        print(line + f"{their_t:>7.3f} {mb / their_t:>6.2f} {their_fail:>4} | "
              f"{their_t / ours_t:>5.2f}x {agree:>5}/{len(both):<5} {dates:>5}")
    print("ratio: edgartools' time / ours (above 1: we are faster). Targets: >= 2x on text, >= 10x on HTML.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
