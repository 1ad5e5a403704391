"""Reading a Markdown list: bytes to text, front matter, the markdown-it parse, inline spans,
tables, entry text, and the typed model (`Document`, `Section`, `Entry`, `Link`, `Tag`).

Owns: everything about what a file says. May import: `awesomelint.errors` and itself only.
`parse.py` is the one module in the project that imports markdown-it-py.
"""
