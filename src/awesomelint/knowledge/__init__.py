"""What awesomelint knows about papers: arXiv identifiers, URL forms and paper identity,
venue names and their aliases, spelling, and the data files behind them (`data/`).

Owns: pure functions over strings and the model. May import: `awesomelint.document`,
`awesomelint.errors` and itself; never rules, the network, fixing or the CLI.
"""
