"""Connection settings and error translation, against the real `neo4j` driver (no server needed).

A closed port on 127.0.0.1 is a real connection failure the driver really reports; what we check is
that it reaches the user as our one clear error, without a traceback, a URI or a password in it.
"""

from __future__ import annotations

import logging
import socket

import neo4j
import pytest
from neo4j import exceptions as neo4j_errors

from graph.errors import InvalidInput, MkgError, QueryTimeout, StoreError, StoreUnavailable
from graph.neo4j import Neo4jStore
from graph.neo4j.connect import (
    SCHEMES,
    ConstraintClash,
    is_neo4j_uri,
    is_schema_race,
    neo4j_errors_as_ours,
    open_driver,
    parse_target,
)
from graph.open import open_store
from graph.settings import Settings

SECRET = "s3cret-Pa55word"  # made up, to prove it never leaks


UNREACHABLE = "cannot reach Neo4j at db:7687"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_error(code: str, message: str = "boom") -> neo4j_errors.Neo4jError:
    """A server error as the driver builds it from a FAILURE message."""
    return neo4j_errors.Neo4jError._hydrate_neo4j(code=code, message=message)


def no_secret(text: str) -> None:
    assert SECRET not in text
    assert "@" not in text, "no user info of a URI"


# --- URIs and credentials ----------------------------------------------------------------------


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_neo4j_scheme_is_accepted(scheme: str) -> None:
    target = parse_target(f"{scheme}://db.example.org:7688", environ={})
    assert (target.host, target.port, target.address) == ("db.example.org", 7688, "db.example.org:7688")
    assert target.uri == f"{scheme}://db.example.org:7688"
    assert is_neo4j_uri(f"{scheme.upper()}://db.example.org")


@pytest.mark.parametrize("uri", ["http://host:7474", "bolt+x://host", "./mkg.db", "neo4j:/host", "host:7687"])
def test_other_uris_are_not_neo4j(uri: str) -> None:
    assert not is_neo4j_uri(uri)
    with pytest.raises(InvalidInput):
        parse_target(uri, environ={})


def test_defaults_and_ipv6() -> None:
    assert parse_target("neo4j://localhost", environ={}).address == "localhost:7687"
    target = parse_target("bolt://[::1]:7690", environ={})
    assert (target.host, target.address, target.uri) == ("::1", "[::1]:7690", "bolt://[::1]:7690")


@pytest.mark.parametrize(
    "uri",
    [
        f"neo4j://neo4j:{SECRET}@db.example.org:7687",
        f"bolt://{SECRET}@db.example.org",
        "neo4j://db.example.org:7687/neo4j",
        "bolt://db.example.org:7687?policy=eu",
        "neo4j://db.example.org:99999",
        "neo4j://:7687",
    ],
)
def test_bad_uris_are_refused_without_echoing_them(uri: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_target(uri, environ={})
    no_secret(caught.value.message)
    assert "db.example.org" not in caught.value.message


def test_routing_context_is_kept_for_neo4j_scheme() -> None:
    assert parse_target("neo4j://db:7687?policy=eu", environ={}).uri == "neo4j://db:7687?policy=eu"


def test_credentials_come_from_the_environment() -> None:
    env = {"NEO4J_USER": "analyst", "NEO4J_PASSWORD": SECRET, "NEO4J_DATABASE": "militant"}
    target = parse_target("neo4j://db:7687", environ=env)
    assert target.auth == ("analyst", SECRET)
    assert target.database == "militant"
    no_secret(repr(target))
    only_password = parse_target("neo4j://db:7687", environ={"NEO4J_PASSWORD": SECRET})
    assert only_password.auth == ("neo4j", SECRET)
    nothing = parse_target("neo4j://db:7687", environ={"NEO4J_USER": "", "NEO4J_PASSWORD": ""})
    assert (nothing.auth, nothing.database) == (None, None)
    with pytest.raises(InvalidInput, match="NEO4J_PASSWORD is not"):
        parse_target("neo4j://db:7687", environ={"NEO4J_USER": "analyst"})


def test_arguments_win_over_the_environment() -> None:
    env = {"NEO4J_USER": "env-user", "NEO4J_PASSWORD": "env-password", "NEO4J_DATABASE": "env-db"}
    target = parse_target("bolt://db", user="arg-user", password=SECRET, database="arg-db", environ=env)
    assert (target.auth, target.database) == (("arg-user", SECRET), "arg-db")


@pytest.mark.parametrize(("scheme", "encrypted"), [("bolt", False), ("bolt+ssc", True), ("neo4j+s", True)])
def test_driver_is_built_from_the_target(scheme: str, encrypted: bool) -> None:
    driver = open_driver(
        parse_target(f"{scheme}://db.example.org:7699", environ={}), connection_timeout_s=0.5
    )
    try:
        assert isinstance(driver, neo4j.Driver)
        assert driver.encrypted is encrypted
    finally:
        driver.close()


# --- a real connection failure -----------------------------------------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize("scheme", ["bolt", "neo4j", "bolt+s", "neo4j+ssc"])
def test_closed_port_is_one_clear_error(
    scheme: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NEO4J_USER", "analyst")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    port = closed_port()
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StoreUnavailable) as caught:
        Neo4jStore(f"{scheme}://127.0.0.1:{port}", connect_timeout_s=1.0)
    assert caught.value.message == f"cannot reach Neo4j at 127.0.0.1:{port}"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    no_secret(str(caught.value) + repr(caught.value))
    assert all(SECRET not in record.getMessage() for record in caplog.records)


@pytest.mark.timeout(60)
def test_open_store_routes_neo4j_uris_to_the_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    port = closed_port()
    uri = f"neo4j://127.0.0.1:{port}"
    with pytest.raises(StoreUnavailable, match=f"cannot reach Neo4j at 127.0.0.1:{port}"):
        open_store(uri, Settings(store=uri))
    with pytest.raises(InvalidInput) as caught:
        open_store(f"bolt://neo4j:{SECRET}@127.0.0.1:{port}", Settings())
    no_secret(caught.value.message)


# --- translation of driver and server errors ---------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "expected", "text"),
    [
        (
            neo4j_errors.ServiceUnavailable("Couldn't connect"),
            StoreUnavailable,
            UNREACHABLE,
        ),
        (neo4j_errors.SessionExpired("gone"), StoreUnavailable, UNREACHABLE),
        (ConnectionRefusedError(111, "refused"), StoreUnavailable, UNREACHABLE),
        (server_error("Neo.ClientError.Security.Unauthorized"), StoreUnavailable, "refused the credentials"),
        (server_error("Neo.ClientError.Security.Forbidden"), StoreUnavailable, "not allowed"),
        (
            server_error("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"),
            QueryTimeout,
            "took too long",
        ),
        (server_error("Neo.ClientError.Transaction.TransactionTimedOut"), QueryTimeout, "took too long"),
        (server_error("Neo.ClientError.Database.DatabaseNotFound"), StoreUnavailable, "NEO4J_DATABASE"),
        (server_error("Neo.TransientError.General.DatabaseUnavailable"), StoreUnavailable, "not available"),
        (server_error("Neo.ClientError.Schema.ConstraintValidationFailed"), ConstraintClash, "concurrent"),
        (server_error("Neo.ClientError.Statement.SyntaxError", "MATCH (n) RETURN"), StoreError, "failed"),
        (neo4j_errors.ConfigurationError(f"Given URI: 'bolt://x:{SECRET}@h'"), InvalidInput, "not valid"),
    ],
)
def test_errors_become_ours_without_details(raised: Exception, expected: type[MkgError], text: str) -> None:
    with pytest.raises(expected) as caught, neo4j_errors_as_ours("db:7687"):
        raise raised
    assert text in caught.value.message
    no_secret(caught.value.message)
    assert "MATCH" not in caught.value.message and "Neo." not in caught.value.message


def test_our_own_errors_pass_through_unchanged() -> None:
    error = InvalidInput("relation endpoint is neither in the document nor stored")
    with pytest.raises(InvalidInput) as caught, neo4j_errors_as_ours("db:7687"):
        raise error
    assert caught.value is error


def test_schema_races_are_recognised() -> None:
    assert is_schema_race(server_error("Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"))
    assert is_schema_race(server_error("Neo.ClientError.Schema.ConstraintAlreadyExists"))
    assert not is_schema_race(server_error("Neo.ClientError.Statement.SyntaxError"))
    assert not is_schema_race(ValueError("AlreadyExists"))
