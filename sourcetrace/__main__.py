import sys

from sourcetrace.cli import main

sys.exit(main())
