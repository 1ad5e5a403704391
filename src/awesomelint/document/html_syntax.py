"""Inline HTML as CommonMark defines it ("Raw HTML"), which is how markdown-it reads it.

Only the parser imports markdown-it, so the patterns are written out here from the spec;
`tests/test_link_agreement.py` checks that they stay markdown-it's own.
"""

from __future__ import annotations

import re

_ATTRIBUTE_NAME = "[a-zA-Z_:][a-zA-Z0-9:._-]*"
_ATTRIBUTE_VALUE = "(?:[^\"'=<>`\\x00-\\x20]+|'[^']*'|\"[^\"]*\")"
_ATTRIBUTE = f"(?:\\s+{_ATTRIBUTE_NAME}(?:\\s*=\\s*{_ATTRIBUTE_VALUE})?)"
OPEN_TAG = f"<[A-Za-z][A-Za-z0-9\\-]*{_ATTRIBUTE}*\\s*\\/?>"
CLOSING_TAG = "<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>"
COMMENT = "<!---?>|<!--(?:[^-]|-[^-]|--[^>])*-->"
PROCESSING_INSTRUCTION = "<[?][\\s\\S]*?[?]>"
DECLARATION = "<![A-Za-z][^>]*>"
CDATA = "<!\\[CDATA\\[[\\s\\S]*?\\]\\]>"

TAG = re.compile(f"(?:{OPEN_TAG}|{CLOSING_TAG})")
"""An open or a closing tag."""
INLINE_HTML = re.compile(
    f"(?:{OPEN_TAG}|{CLOSING_TAG}|{COMMENT}|{PROCESSING_INSTRUCTION}|{DECLARATION}|{CDATA})"
)
"""Anything inline that markdown-it passes through as HTML."""
