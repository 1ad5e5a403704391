"""`python -m awesomelint`."""

from awesomelint.launch import run

run()
