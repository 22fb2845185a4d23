"""Command line: `python -m market_impact <command> …` (prices, refresh, build-snapshot, and more).

Each command is one small function taking the parsed arguments and returning an exit code. Errors are
one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
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
