"""``python -m resolex`` is the command line."""

from resolex.cli import main

raise SystemExit(main())
