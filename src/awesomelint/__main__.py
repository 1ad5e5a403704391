"""`python -m awesomelint`."""

from awesomelint.cli import main

main()
