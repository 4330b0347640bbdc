"""Allow ``python -m combalg``."""

from combalg.cli import main

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
