"""The files of a run: finding Markdown files under the given paths, reading and parsing them,
and the lines that `--since` says changed.

Owns: the file system and git. May import: `awesomelint.document`, `awesomelint.diagnostics`
and `awesomelint.errors`; never rules, the engine or the CLI.
"""
