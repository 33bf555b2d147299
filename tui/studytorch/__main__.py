"""`python -m studytorch` is the `studytorch` command."""

import sys

from studytorch.cli import main

if __name__ == "__main__":
    sys.exit(main())
