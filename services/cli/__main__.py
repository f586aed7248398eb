"""`python -m services.cli`: how services start their own child processes."""

import sys

from services.cli import main

sys.exit(main())
