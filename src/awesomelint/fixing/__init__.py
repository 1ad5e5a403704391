"""Fixing files: choosing non-overlapping fixes, the fix loop and its safety net, the `fix`
run over many files, the optional mdformat pass, and atomic writes.

Owns: turning findings into a rewritten file. May import: the engine, rules, the document
model, diagnostics, `awesomelint.workspace` and `awesomelint.report`; never the CLI.
"""
