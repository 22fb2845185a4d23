"""Command line: `python -m market_impact <command> …` (prices, refresh, build-snapshot, and more).

Each command is one small function taking the parsed arguments and returning an exit code. Errors are
one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

from market_impact.errors import MarketImpactError


def _num(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def cmd_prices(args: argparse.Namespace) -> int:
    from market_impact.prices import load_prices

    pf = load_prices(args.symbols, args.start, args.end, mode="snapshot" if args.offline else None)
    prov = pf.provenance
    if args.json:
        rows = [
            {
                "symbol": r.symbol,
                "date": r.date.date().isoformat(),
                **{c: _num(getattr(r, c)) for c in ("open", "high", "low", "close", "adj_close")},
                "volume": None if _num(r.volume) is None else int(r.volume),
            }
            for r in pf.data.itertuples(index=False)
        ]
        out = {
            "source": prov.source,
            "as_of": prov.as_of.isoformat(),
            "per_symbol": prov.per_symbol,
            "missing": list(prov.missing),
            "note": prov.note,
            "rows": rows,
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"# source: {prov.source} (as of {prov.as_of}){' — ' + prov.note if prov.note else ''}")
    if prov.missing:
        print(f"# no rows in range for: {', '.join(prov.missing)}")
    cols = ["symbol", "date", "open", "high", "low", "close", "adj_close", "volume"]
    print(pf.data[cols].to_string(index=False, na_rep="—"))
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    from market_impact.prices import LIVE_HOST, network_answers
    from market_impact.snapshot import refresh_snapshot, text_progress

    if not network_answers(timeout=2.0):
        print(f"refresh: cannot reach {LIVE_HOST[0]} — no network; the snapshot is unchanged.", file=sys.stderr)
        return 3
    import yfinance as yf

    df = refresh_snapshot(yf.download, args.start, args.end, progress=text_progress)
    print(f"refresh: wrote {len(df)} rows for {df['symbol'].nunique()} symbols")
    return 0


def cmd_build_snapshot(args: argparse.Namespace) -> int:
    from market_impact.snapshot import build_snapshot

    df = build_snapshot(Path(args.source))
    print(f"build-snapshot: {len(df)} rows, {df['symbol'].nunique()} symbols, {df['date'].min().date()} .. {df['date'].max().date()}")
    return 0


def cmd_study(args: argparse.Namespace) -> int:
    """Event study for one ticker: the JSON carries alpha, beta, sigma, ar, car, t, p, estimation_sessions, confounders."""
    from market_impact.prices import daily_returns, load_prices
    from market_impact.study import default_benchmark, parse_window, run_study
    from market_impact.tickers import load_registry

    registry = load_registry()
    ticker = registry.get(args.ticker)
    exchange = ticker.exchange if ticker is not None else "XNYS"
    benchmark = args.benchmark or default_benchmark(exchange)
    window, estimation = parse_window(args.window), parse_window(args.estimation)
    try:  # the event catalogue is optional here: without it there are simply no confounders
        from market_impact.events import load_events

        events = list(load_events())
    except (ImportError, MarketImpactError):
        events = []
    event, event_id = args.event, None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.event):
        match = [e for e in events if e.id == args.event]
        if not match:
            raise ValueError(f"--event {args.event!r} is neither a date (YYYY-MM-DD) nor an event id in the catalogue")
        event, event_id = match[0].date, match[0].id
    pf = load_prices([args.ticker, benchmark], mode="snapshot" if args.offline else None)
    res = run_study(daily_returns(pf.data), event, symbols=[args.ticker], benchmarks=benchmark,
                    exchanges={args.ticker: exchange}, windows=[window], estimation=estimation,
                    model=args.model.replace("-", "_"), events=events, event_id=event_id)
    r = res.result(args.ticker, window)
    if r.window_sessions == 0:
        raise ValueError(f"{args.ticker} has no returns in the window {list(window)} around {r.event_session.date()}")
    conf = [{"id": c.id, "date": c.date.date().isoformat(), "title_en": c.title_en, "session": c.session.date().isoformat(),
             "day": c.day} for c in res.confounders.get(window, ())]
    out = {
        "ticker": r.symbol, "benchmark": r.benchmark, "model": r.model, "event": res.event.date().isoformat(),
        "event_session": r.event_session.date().isoformat(), "window": list(window),
        "alpha": r.alpha, "beta": r.beta, "sigma": r.sigma,
        "ar": [{"date": d.date().isoformat(), "day": int(k), "ar": float(v)} for d, k, v in zip(r.ar.index, r.ar_days, r.ar_values, strict=True)],
        "car": r.car, "t": r.t, "p": r.p, "window_sessions": r.window_sessions,
        "estimation_sessions": r.estimation_sessions, "estimation_window": list(r.estimation_window),
        "estimation_start": r.estimation_start.date().isoformat(), "estimation_end": r.estimation_end.date().isoformat(),
        "estimation_shortened": r.estimation_shortened, "confounders": conf, "price_source": pf.provenance.source,
    }
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1, default=_num)
        sys.stdout.write("\n")
        return 0
    print(f"# {r.symbol} vs {r.benchmark}, {r.model} model; event {out['event']} → session {out['event_session']} ({exchange})")
    print(f"# estimation [{r.estimation_window[0]},{r.estimation_window[1]}]: {r.estimation_sessions} sessions "
          f"{out['estimation_start']} .. {out['estimation_end']}; prices: {pf.provenance.source}")
    if r.estimation_shortened:
        print(f"# {r.estimation_shortened}")
    print(f"alpha {r.alpha:+.5f}   beta {r.beta:.3f}   sigma {r.sigma:.4%}")
    for row in out["ar"]:
        print(f"  day {row['day']:+d}  {row['date']}  AR {row['ar']:+.2%}")
    print(f"CAR[{window[0]:+d},{window[1]:+d}] {r.car:+.2%}   t {r.t:+.2f}   p {r.p:.4f}")
    for c in conf:
        print(f"possible confounder: day {c['day']:+d} {c['date']} {c['title_en']} ({c['id']})")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Dated mentions and numbers in a text file; seed articles default to their catalogued date."""
    from datetime import date as _date

    from market_impact.extraction import extract

    path = Path(args.file)
    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    from market_impact.byo import read_file  # the upload checks: ≤ 1 MB, not binary, not empty, decodable; HTML → text

    text = read_file(path).text
    published, article = None, None
    if args.published:
        try:
            published = _date.fromisoformat(args.published)
        except ValueError:
            raise ValueError(f"--published {args.published!r} is not a date (YYYY-MM-DD)") from None
    try:
        from market_impact.articles import load_articles

        match = [a for a in load_articles().values() if a.file == path.name]
    except MarketImpactError:
        match = []
    if match:
        article = match[0].id
        published = published or match[0].published
    mentions = extract(text, published=published, article=article)
    if args.json:
        keys = ("kind", "text", "start", "end", "value", "granularity", "unit", "period_end", "qualifier", "precision",
                "upper", "form", "quote", "article")
        json.dump([{k: getattr(m, k) for k in keys} for m in mentions], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"# {path.name}: {len(mentions)} mentions; published {published or 'unknown (weekdays and relative dates unresolved)'}")
    for m in mentions:
        what = m.granularity if m.kind == "date" else m.unit
        extra = f" .. {m.period_end}" if m.kind == "date" and m.period_end and m.period_end != m.value else ""
        qual = f" ({m.qualifier})" if m.qualifier else ""
        print(f"{m.start:>6}-{m.end:<6} {m.kind:<6} {m.value!s:>14}{extra} {what or ''}{qual}  «{m.text}»")
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    """The event catalogue, validated, with each day-event's XNYS session."""
    from market_impact.events import load_events

    events = load_events()
    if args.json:
        json.dump([e.to_dict() for e in events], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for e in events:
        session = e.session.isoformat() if e.session else "—"
        ctx = " [context]" if e.context else ""
        print(f"{e.date_text:<10} {e.granularity:<6} XNYS {session:<10} {'★' * (4 - e.importance):<3} {e.category:<18} "
              f"{e.id}{ctx}: {e.title_en}")
    print(f"# {len(events)} events")
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    """The articles' market claims against the tape: JSON list of article, quote, metric, stated, actual, verdict, explanation."""
    from market_impact.claims import actual_label, check_claims, metric_label, stated_label, to_json

    check = check_claims(args.article or None, mode="snapshot" if args.offline else None)
    results = [r for r in check.results if not args.verdict or r.verdict == args.verdict]
    if args.json:
        json.dump(to_json(results), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    source = getattr(check.provenance, "source", "none")
    print(f"# claims in the articles vs quoted prices ({source}); verdict counts: "
          + ", ".join(f"{v} {n}" for v, n in check.counts().items()))
    for r in results:
        c = r.claim
        where = f"{' '.join(c.symbols) or '—'} {c.session.isoformat() if c.session else ''}".strip()
        print(f"{c.id}  {r.verdict:<13} {metric_label(c):<26} {where:<28} article {stated_label(c):<22} tape {actual_label(r)}")
        print(f"          «{c.quote}»")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """The story as one offline HTML file (timeline + price chart + events), and the price chart as PNG/SVG/CSV."""
    from market_impact import export

    targets = {"html": args.html, "png": args.png, "svg": args.svg, "csv": args.csv}
    if not any(targets.values()):
        raise ValueError("nothing to export: give --html FILE, --png FILE, --svg FILE and/or --csv FILE")
    inputs = export.story_from_disk(args.lang, mode="snapshot" if args.offline else None)
    price = export.story_figures(inputs, args.lang)[1] if any(targets[k] for k in ("png", "svg", "csv")) else None
    written = []
    for kind, target in targets.items():
        if not target:
            continue
        path = Path(target)
        if kind == "html":
            path.write_text(export.story_html(inputs, args.lang), encoding="utf-8")
        elif kind == "csv":
            path.write_text(export.figure_csv(price), encoding="utf-8")
        else:
            path.write_bytes(export.figure_image(price, kind))
        written.append({"kind": kind, "path": str(path), "bytes": path.stat().st_size})
    if args.json:
        json.dump({"lang": args.lang, "price_source": inputs.provenance.source, "files": written}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    for w in written:
        print(f"export: wrote {w['path']} ({w['kind']}, {w['bytes']:,} bytes, {args.lang}; prices: {inputs.provenance.source})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m market_impact", description="DeepSeek Shock: market-impact data tools")
    sub = p.add_subparsers(dest="command", required=True)

    sp = sub.add_parser("prices", help="print daily prices and where they came from")
    sp.add_argument("symbols", nargs="+", metavar="SYMBOL")
    sp.add_argument("--start", help="first date, YYYY-MM-DD")
    sp.add_argument("--end", help="last date, YYYY-MM-DD")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--offline", action="store_true", help="use the embedded snapshot only")
    sp.set_defaults(func=cmd_prices)

    sp = sub.add_parser("refresh", help="rebuild the snapshot from yfinance (needs a network)")
    sp.add_argument("--start", default="2024-01-01")
    sp.add_argument("--end", default="2025-07-01")
    sp.set_defaults(func=cmd_refresh)

    sp = sub.add_parser("build-snapshot", help="rebuild seeds/prices/ from the shared reference CSVs")
    sp.add_argument("--source", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "prices"))
    sp.set_defaults(func=cmd_build_snapshot)

    sp = sub.add_parser("study", help="event study: abnormal returns of one ticker around an event")
    # Let "-250,-11" and "-1,1" be values, not options (argparse only knows plain negative numbers).
    sp._negative_number_matcher = re.compile(r"^-\d+(,\s*-?\d+)?$")
    sp.add_argument("--ticker", required=True)
    sp.add_argument("--event", required=True, help="a date YYYY-MM-DD or an event id from the catalogue")
    sp.add_argument("--benchmark", help="default: ^GSPC for US symbols, ^N225 for Tokyo, ^HSI for Hong Kong")
    sp.add_argument("--window", default="0,0", help="event window in sessions, e.g. -1,1 (default 0,0)")
    sp.add_argument("--estimation", default="-250,-11", help="estimation window in sessions (default -250,-11)")
    sp.add_argument("--model", default="market", choices=["market", "market_adjusted", "market-adjusted", "constant_mean", "constant-mean"])
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--offline", action="store_true", help="use the embedded snapshot only")
    sp.set_defaults(func=cmd_study)

    sp = sub.add_parser("extract", help="dated mentions and numbers with units in a text file")
    sp.add_argument("file", metavar="FILE")
    sp.add_argument("--published", help="publication date YYYY-MM-DD (anchors weekdays and relative dates)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("events", help="the event catalogue with each event's trading session")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_events)

    sp = sub.add_parser("claims", help="the articles' market claims held against quoted prices")
    sp.add_argument("--article", action="append", metavar="ID", help="only this article (a000 …); repeatable")
    sp.add_argument("--verdict", choices=["supported", "contradicted", "not checkable"])
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--offline", action="store_true", help="use the embedded snapshot only")
    sp.set_defaults(func=cmd_claims)

    sp = sub.add_parser("export", help="the story as an offline HTML file; the price chart as PNG/SVG/CSV")
    sp.add_argument("--html", metavar="FILE", help="timeline + price chart with markers + event list, plotly.js embedded")
    sp.add_argument("--png", metavar="FILE", help="the Overview price chart as PNG (needs Chromium)")
    sp.add_argument("--svg", metavar="FILE", help="the Overview price chart as SVG (needs Chromium)")
    sp.add_argument("--csv", metavar="FILE", help="the data behind the price chart")
    sp.add_argument("--lang", choices=["en", "hi"], default="en")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--offline", action="store_true", help="use the embedded snapshot only")
    sp.set_defaults(func=cmd_export)

    # -- more commands are registered below (events, extract, study, claims, export) --
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except MarketImpactError as exc:
        print(f"{args.command}: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 2
