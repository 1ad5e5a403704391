"""`python -m awesomelint`."""

from awesomelint.launch import main

main()
