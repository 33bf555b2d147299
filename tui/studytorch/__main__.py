"""`python -m studytorch` is the `studytorch` command."""

import sys

from studytorch.cli import main

sys.exit(main())
