"""One exception root for everything militant-kg raises on purpose.

    MkgError
    ├── InvalidInput            bad parameter or value from a caller (HTTP 422)
    │   └── DocumentRejected    a document that cannot be read or is over a limit (HTTP 422/413)
    │       └── DocumentTooLarge
    ├── NotFound                unknown entity, relation or document id (HTTP 404)
    ├── Ambiguous               a name that resolves to several entities (HTTP 409)
    ├── Unauthorized            missing or wrong API key (HTTP 401)
    ├── RateLimited             too many requests (HTTP 429)
    └── StoreError              the store failed (HTTP 500, message only)
        ├── StoreUnavailable    cannot reach or open the store (HTTP 503)
        ├── StoreCorrupt        the store file is truncated or not ours
        └── QueryTimeout        a query ran past its time limit (HTTP 503)

Messages are written for users: no stack traces, Cypher, SQL or file-system paths.
"""

from __future__ import annotations


class MkgError(Exception):
    """Root of every error militant-kg raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(MkgError):
    pass


class DocumentRejected(InvalidInput):
    pass


class DocumentTooLarge(DocumentRejected):
    pass


class NotFound(MkgError):
    pass


class Ambiguous(MkgError):
    def __init__(self, message: str, candidates: list[dict[str, str]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class Unauthorized(MkgError):
    pass


class RateLimited(MkgError):
    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class StoreError(MkgError):
    pass


class StoreUnavailable(StoreError):
    pass


class StoreCorrupt(StoreError):
    pass


class QueryTimeout(StoreError):
    pass
