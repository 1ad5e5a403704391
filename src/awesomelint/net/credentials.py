"""Where GITHUB_TOKEN may go: one API origin, named by the operator, over https.

The configuration file travels with the repository, and a pull request can change it: so it
may point the checks anywhere, but never the token. Only the default API or one named on the
command line or in the environment (`NetSettings.github_token_api`) receives it, never after a
remap moved the request to another origin, and never over plain http to another machine.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from awesomelint.net.addresses import canonical_host, literal_address
from awesomelint.net.session import Session, origin


def token_problem(url: str, session: Session) -> str | None:
    """Why the token must not go with a request for `url`; None when it may.

    Only the operator (a command-line flag or the environment) names the API the token goes
    to: never a configuration file, which a pull request can change, nor a remap.
    """
    api = session.settings.github_token_api
    where = origin(url)
    if where != origin(api):
        return (
            f"{urlsplit(url).netloc} is not the GitHub API it may go to "
            f"({urlsplit(api).netloc}; --github-api or AWESOMELINT_GITHUB_API name another)"
        )
    target = session.target(url)
    if origin(target) != where:
        return f"a remap sends the GitHub API requests to {urlsplit(target).netloc}"
    if not secure_for_token(url):
        return f"{urlsplit(url).netloc} is not reached over https"
    return None


def secure_for_token(url: str) -> bool:
    """https, or plain http to a loopback address (a local test server), which never leaves
    the machine."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "https":
        return True
    try:
        literal = literal_address(canonical_host(parts.hostname or ""))
    except ValueError:
        return False
    return parts.scheme.lower() == "http" and literal is not None and literal.is_loopback
