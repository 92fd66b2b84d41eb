"""Where Neo4j is and who we are to it: the store URI, credentials from the environment, driver errors.

Credentials come only from NEO4J_USER / NEO4J_PASSWORD (and the database from NEO4J_DATABASE), never
from the URI or the command line, and never appear in a message, a repr or a log line: every error
the driver raises is turned into one of ours that names at most the host and port.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import neo4j
from neo4j import exceptions as neo4j_errors

from graph.errors import InvalidInput, MkgError, QueryTimeout, StoreError, StoreUnavailable

SCHEMES = frozenset({"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"})
DEFAULT_PORT = 7687
DEFAULT_USER = "neo4j"
ENV_USER = "NEO4J_USER"
ENV_PASSWORD = "NEO4J_PASSWORD"  # noqa: S105 - the variable's name, not a password
ENV_DATABASE = "NEO4J_DATABASE"
_TIMEOUT_CODES = ("TransactionTimedOut", "Transaction.Terminated", "LockClientStopped")

# Without a handler of the application's own, the driver's retry warnings would reach stderr through
# logging's last-resort handler; they carry no secrets, but they are noise on a command line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


class ConstraintClash(StoreError):
    """A write broke a uniqueness constraint: another client created the same thing first."""


@dataclass(frozen=True)
class Target:
    """A Neo4j server and how to log in to it. `password` is kept out of repr."""

    uri: str
    host: str
    port: int
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def auth(self) -> tuple[str, str] | None:
        if self.user is None or self.password is None:
            return None
        return (self.user, self.password)


def is_neo4j_uri(uri: str) -> bool:
    scheme, sep, _rest = uri.strip().partition("://")
    return bool(sep) and scheme.lower() in SCHEMES


def parse_target(
    uri: str,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Target:
    """Check a store URI and gather the credentials (arguments first, then the environment).

    Messages never repeat the URI: it may hold what a user mistakenly typed as a password.
    """
    env = os.environ if environ is None else environ
    try:
        parts = urlsplit(uri.strip())
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise InvalidInput("the Neo4j store URI is not valid (expected e.g. neo4j://host:7687)") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise InvalidInput("a Neo4j store URI starts with neo4j://, neo4j+s://, neo4j+ssc://, bolt://, ...")
    if parts.username is not None or parts.password is not None:
        raise InvalidInput(f"put Neo4j credentials in {ENV_USER} and {ENV_PASSWORD}, not in the store URI")
    if not parts.hostname:
        raise InvalidInput("the Neo4j store URI names no host (expected e.g. neo4j://host:7687)")
    if parts.path not in ("", "/") or parts.fragment:
        raise InvalidInput("the Neo4j store URI has a path; name the database in NEO4J_DATABASE instead")
    if parts.query and scheme.startswith("bolt"):
        raise InvalidInput("bolt:// URIs take no query parameters (routing context needs neo4j://)")
    user = user if user is not None else (env.get(ENV_USER) or None)
    password = password if password is not None else (env.get(ENV_PASSWORD) or None)
    database = database if database is not None else (env.get(ENV_DATABASE) or None)
    if user is not None and password is None:
        raise InvalidInput(f"{ENV_USER} is set but {ENV_PASSWORD} is not")
    if password is not None and user is None:
        user = DEFAULT_USER
    clean = f"{scheme}://{_netloc(parts.hostname, port)}" + (f"?{parts.query}" if parts.query else "")
    return Target(clean, parts.hostname, port, user, password, database)


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def open_driver(target: Target, *, connection_timeout_s: float, retry_time_s: float = 15.0) -> neo4j.Driver:
    """A driver for `target` (no I/O yet). Connection and retry times are bounded so failures are quick."""
    with neo4j_errors_as_ours(target.address):
        return neo4j.GraphDatabase.driver(
            target.uri,
            auth=target.auth,
            connection_timeout=connection_timeout_s,
            connection_acquisition_timeout=max(connection_timeout_s * 2, 1.0),
            max_transaction_retry_time=retry_time_s,
            user_agent="militant-kg",
        )


def _code(exc: neo4j_errors.Neo4jError) -> str:
    return exc.code or ""


@contextmanager
def neo4j_errors_as_ours(address: str) -> Iterator[None]:
    """Translate driver failures into the store errors users see: no Cypher, URI or credentials."""
    try:
        yield
    except MkgError:
        raise
    except neo4j_errors.AuthError:
        raise StoreUnavailable(
            f"Neo4j at {address} refused the credentials; check {ENV_USER} and {ENV_PASSWORD}"
        ) from None
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError):
        raise StoreUnavailable(f"cannot reach Neo4j at {address}") from None
    except neo4j_errors.ConfigurationError:
        raise InvalidInput("the Neo4j connection settings are not valid (check the store URI)") from None
    except neo4j_errors.Forbidden:
        raise StoreUnavailable(f"the Neo4j user is not allowed to do this at {address}") from None
    except neo4j_errors.Neo4jError as exc:
        if is_constraint_error(exc):
            raise ConstraintClash("a concurrent write clashed with this one; try again") from None
        raise translate_server_error(exc, address) from None
    except neo4j_errors.DriverError:
        raise StoreError("the Neo4j driver failed; try again") from None


def translate_server_error(exc: neo4j_errors.Neo4jError, address: str) -> StoreError:
    code = _code(exc)
    if any(part in code for part in _TIMEOUT_CODES):
        return QueryTimeout("the query took too long and was stopped")
    if code.endswith("DatabaseNotFound"):
        return StoreUnavailable(f"the database named in {ENV_DATABASE} does not exist at {address}")
    if isinstance(exc, neo4j_errors.DatabaseUnavailable) or code.endswith("DatabaseUnavailable"):
        return StoreUnavailable(f"the Neo4j database at {address} is not available")
    if isinstance(exc, neo4j_errors.TransientError):
        return StoreUnavailable("Neo4j is busy; try again")
    return StoreError("Neo4j failed to answer")


def is_constraint_error(exc: BaseException) -> bool:
    return isinstance(exc, neo4j_errors.ConstraintError) or (
        isinstance(exc, neo4j_errors.Neo4jError) and "ConstraintValidationFailed" in _code(exc)
    )


def is_schema_race(exc: BaseException) -> bool:
    """Another client created the same constraint or index a moment before us."""
    return isinstance(exc, neo4j_errors.Neo4jError) and (
        "AlreadyExists" in _code(exc) or "EquivalentSchemaRule" in _code(exc)
    )
