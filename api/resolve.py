"""Turn what a user typed — a stable id or a name — into one entity id."""

from __future__ import annotations

from graph.errors import Ambiguous, InvalidInput, NotFound
from graph.ids import fold
from graph.models import Entity
from graph.ontology import NodeType
from graph.store import GraphStore

MAX_REF_CHARS = 500
MAX_CANDIDATES = 20
_ID_PREFIXES = tuple(f"{t.value.lower()}:" for t in NodeType)


def resolve_entity(store: GraphStore, ref: str, node_type: NodeType | None = None) -> str:
    """The id of the entity `ref` names: itself when it is a stored id, else through names and aliases.

    Raises InvalidInput for an empty or overlong reference, NotFound when nothing matches, and
    Ambiguous (with the candidates) when a name fits several entities.
    """
    return resolve(store, ref, node_type).id


def resolve(store: GraphStore, ref: str, node_type: NodeType | None = None) -> Entity:
    """Like resolve_entity, but the entity itself (one store call for an id)."""
    ref = ref.strip()
    if not ref:
        raise InvalidInput("An entity id or name is required.")
    if len(ref) > MAX_REF_CHARS:
        raise InvalidInput(f"An entity id or name is at most {MAX_REF_CHARS} characters.")
    if ref.startswith(_ID_PREFIXES):
        try:
            return store.get_entity(ref)
        except NotFound:
            pass
    key = fold(ref)
    ids = store.lookup_names([key], node_type).get(key, []) if key else []
    if len(ids) == 1:
        return store.get_entity(ids[0])
    if not ids:
        raise NotFound(f"No entity has the id or name {_quote(ref)}.")
    raise Ambiguous(
        f"The name {_quote(ref)} fits {len(ids)} entities; use one of their ids.",
        candidates=_candidates(store, sorted(ids)[:MAX_CANDIDATES]),
    )


def _candidates(store: GraphStore, ids: list[str]) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for entity_id in ids:
        try:
            entity = store.get_entity(entity_id)
        except NotFound:
            continue
        found.append({"id": entity.id, "type": entity.type.value, "name": entity.name})
    return found


def _quote(ref: str, limit: int = 80) -> str:
    shown = ref if len(ref) <= limit else ref[: limit - 1] + "…"
    return f"'{shown}'"
