#!/usr/bin/env python3
"""Serve the site and keep it up to date as files change, building again only what a change alters.

    python scripts/serve.py                     # http://127.0.0.1:8000, as `make serve`
    python scripts/serve.py -a 127.0.0.1:8001 --strict
    python scripts/serve.py --full              # every change builds the whole site, as `mkdocs serve` does

The preview (hooks/edition/mkdocs_adapter/preview) builds the site once,
then, after each save, only the pages the change alters; a change to
mkdocs.yml, a template or the navigation builds everything. Exit status:
0 after Ctrl-C, 1 when the first build fails (with --strict, on any
warning), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import logging
import sys

from mkdocs.__main__ import ColorFormatter
from mkdocs.exceptions import Abort, ConfigurationError

from edition.mkdocs_adapter.preview.serve import serve


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="serve.py", description="Serve the site, rebuilding only what changes.")
    parser.add_argument("-f", "--config-file", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("-a", "--dev-addr", help="address and port to serve on (default: the config's dev_addr)")
    parser.add_argument("--strict", action="store_true", help="fail the first build on any warning")
    parser.add_argument("--full", action="store_true", help="build the whole site after every change")
    parser.add_argument("-d", "--site-dir", help="build into this folder and keep it (default: a temporary one)")
    parser.add_argument("--poll", action="store_true", help="poll files for changes instead of file events")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    console = logging.StreamHandler()
    console.setFormatter(ColorFormatter())
    logger.addHandler(console)
    try:
        serve(
            args.config_file,
            args.dev_addr,
            strict=args.strict,
            incremental=not args.full,
            site_dir=args.site_dir,
            poll=args.poll,
        )
    except (Abort, ConfigurationError) as exc:
        print(f"serve: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
