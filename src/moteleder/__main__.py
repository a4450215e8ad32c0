"""`python -m moteleder` works like the `moteleder` command."""

from moteleder.cli import main

raise SystemExit(main())
