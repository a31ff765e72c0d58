"""`python -m asimtext` is the `asimtext` command."""

import sys

from asimtext.cli import main

if __name__ == "__main__":
    sys.exit(main())
