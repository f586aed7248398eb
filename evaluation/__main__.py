import sys

from evaluation.commands import main

sys.exit(main())
