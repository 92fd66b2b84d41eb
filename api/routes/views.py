"""HTML views: the home page, entity search, an entity's neighbourhood, paths, and the network map.

Every page gets a fresh CSP nonce (only our own inline scripts run, nothing is fetched) and
nosniff; errors come back as pages, not JSON, since a person is reading them.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse

from api.deps import RelTypesQ, SettingsDep, StoreDep, check_hops
from api.errors import status_of
from api.resolve import resolve_entity
from graph.errors import MkgError
from graph.models import Entity, PathResult, Relation, RelationFilter, Subgraph
from graph.ontology import NodeType, RelType
from graph.store import GraphStore
from viz.csp import SECURITY_HEADERS, header_policy, new_nonce
from viz.pages import render_home, render_message, render_search
from viz.render import render_subgraph

router = APIRouter(tags=["views"], default_response_class=HTMLResponse)

HOME_TOP = 10
HOME_DOCS = 10
SEARCH_LIMIT = 50
PATHS_LIMIT = 10
NO_STORE_MESSAGE = "The graph store failed to answer. The problem has been logged."

EntityRef = Annotated[str, Path(min_length=1, max_length=500, description="entity id, or a name or alias")]
HopsQ = Annotated[int, Query(ge=1, le=3, description="how far from the entity (1 to 3)")]
NodeTypesQ = Annotated[list[NodeType] | None, Query(alias="type", description="only these entity types")]


def _page(body: str, nonce: str, status: int = 200) -> HTMLResponse:
    headers = {
        "Content-Security-Policy": header_policy(nonce),
        "Cache-Control": "no-store",
        **SECURITY_HEADERS,
    }
    return HTMLResponse(body, status_code=status, headers=headers)


def _error_page(exc: MkgError, nonce: str, path_form: tuple[str, str] | None = None) -> HTMLResponse:
    status, _code = status_of(exc)
    message = NO_STORE_MESSAGE if status == 500 else exc.message
    candidates = getattr(exc, "candidates", None)
    titles = {404: "Not found", 409: "Which one?", 422: "Cannot show this"}
    body = render_message(
        titles.get(status, "Something went wrong"),
        message,
        candidates=candidates,
        path_form=path_form,
        nonce=nonce,
    )
    return _page(body, nonce, status)


@router.get("/", summary="Home: what is in the graph")
def home(store: StoreDep) -> HTMLResponse:
    nonce = new_nonce()
    try:
        body = render_home(
            store.stats(),
            store.find_entities(None, NodeType.GROUP, HOME_TOP).items,
            store.find_entities(None, NodeType.LEADER, HOME_TOP).items,
            store.list_documents(HOME_DOCS).items,
            nonce=nonce,
        )
    except MkgError as exc:
        return _error_page(exc, nonce)
    return _page(body, nonce)


@router.get("/views/search", summary="Entities matching a name, as links to their views")
def search_view(
    store: StoreDep, q: Annotated[str, Query(max_length=200, description="words of a name or alias")] = ""
) -> HTMLResponse:
    nonce = new_nonce()
    text = q.strip()
    if not text:
        return _page(render_message("Search", "Type part of a name to search for.", nonce=nonce), nonce)
    try:
        found = store.find_entities(text, None, SEARCH_LIMIT)
    except MkgError as exc:
        return _error_page(exc, nonce)
    return _page(render_search(text, found.items, found.total or len(found.items), nonce=nonce), nonce)


@router.get("/views/entity/{ref:path}", summary="An entity's neighbourhood, interactive")
def entity_view(
    ref: EntityRef, store: StoreDep, settings: SettingsDep, hops: HopsQ = 1, rel: RelTypesQ = None
) -> HTMLResponse:
    nonce = new_nonce()
    try:
        check_hops(hops, settings.max_neighbor_hops)
        entity_id = resolve_entity(store, ref)
        entity = store.get_entity(entity_id)
        filt = RelationFilter(types=sorted(set(rel))) if rel else None
        subgraph = store.neighbors(entity_id, hops, settings.view_max_nodes, filt=filt)
    except MkgError as exc:
        return _error_page(exc, nonce)
    body = render_subgraph(
        subgraph,
        title=f"{entity.name} ({entity.type.value})",
        focus=[entity_id],
        standalone=False,
        nonce=nonce,
        max_nodes=settings.view_max_nodes,
        actions=_hop_links(entity_id, hops, min(3, settings.max_neighbor_hops)),
    )
    return _page(body, nonce)


def _hop_links(entity_id: str, current: int, ceiling: int) -> list[tuple[str, str]]:
    base = "/views/entity/" + quote(entity_id, safe="")
    links = [
        (f"{n} hop{'s' if n > 1 else ''}" + (" (shown)" if n == current else ""), f"{base}?hops={n}")
        for n in range(1, ceiling + 1)
    ]
    return [*links, ("as JSON", "/entities/" + quote(entity_id, safe=""))]


@router.get("/views/path", summary="Shortest connections between two entities, highlighted")
def path_view(
    store: StoreDep,
    settings: SettingsDep,
    source: Annotated[str, Query(alias="from", max_length=500, description="id or name")] = "",
    target: Annotated[str, Query(alias="to", max_length=500, description="id or name")] = "",
    max_hops: Annotated[int | None, Query(ge=1, description="1 to the max_path_hops setting")] = None,
    rel: RelTypesQ = None,
) -> HTMLResponse:
    nonce = new_nonce()
    form = (source, target)
    if not source.strip() or not target.strip():
        message = "Name two entities to see how they are connected."
        return _page(render_message("Connect two entities", message, path_form=form, nonce=nonce), nonce)
    hops = max_hops or settings.max_path_hops
    try:
        check_hops(hops, settings.max_path_hops, "max_hops")
        source_id = resolve_entity(store, source)
        target_id = resolve_entity(store, target)
        filt = RelationFilter(types=sorted(set(rel))) if rel else None
        result = store.shortest_paths(source_id, target_id, hops, PATHS_LIMIT, filt=filt)
        ends = [store.get_entity(source_id), store.get_entity(target_id)]
    except MkgError as exc:
        return _error_page(exc, nonce, path_form=form)
    body = render_subgraph(
        _union(result, ends),
        title=f"{ends[0].name} \u2194 {ends[1].name}",
        focus=[source_id, target_id],
        highlight_path=True,
        standalone=False,
        nonce=nonce,
        max_nodes=settings.view_max_nodes,
        paths=result.paths,
        notes=_path_notes(result, hops),
    )
    return _page(body, nonce)


def _union(result: PathResult, ends: list[Entity]) -> Subgraph:
    nodes = {e.id: e for e in ends}
    edges: dict[str, Relation] = {}
    for path in result.paths:
        nodes.update((n.id, n) for n in path.nodes)
        edges.update((e.id, e) for e in path.edges)
    return Subgraph(nodes=list(nodes.values()), edges=list(edges.values()))


def _path_notes(result: PathResult, hops: int) -> list[str]:
    if not result.paths:
        return [f"No connection within {hops} hops."]
    length = len(result.paths[0].edges)
    notes = [f"{len(result.paths)} shortest connection(s) of {length} hop(s)."]
    if result.truncated:
        notes.append(f"There are more shortest connections than the {PATHS_LIMIT} shown.")
    return notes


@router.get("/views/network", summary="The whole graph or a filtered part (alliance map)")
def network_view(
    store: StoreDep,
    settings: SettingsDep,
    node_types: NodeTypesQ = None,
    rel: RelTypesQ = None,
    min_degree: Annotated[int, Query(ge=0, le=100_000, description="entities with at least this many")] = 1,
) -> HTMLResponse:
    nonce = new_nonce()
    types = sorted(set(node_types)) if node_types else None
    rels = sorted(set(rel)) if rel else None
    try:
        subgraph, total = filtered_network(store, types, rels, min_degree, settings.view_max_nodes)
    except MkgError as exc:
        return _error_page(exc, nonce)
    body = render_subgraph(
        subgraph,
        title=_network_title(types, rels),
        standalone=False,
        nonce=nonce,
        max_nodes=settings.view_max_nodes,
        total_nodes=total,
        notes=[_filter_note(types, rels, min_degree)],
        max_evidence=1 if len(subgraph.edges) > 2000 else 3,
    )
    return _page(body, nonce)


def filtered_network(
    store: GraphStore,
    types: list[NodeType] | None,
    rels: list[RelType] | None,
    min_degree: int,
    cap: int,
) -> tuple[Subgraph, int]:
    """The entities of `types` with at least `min_degree` relations of `rels` among them, best-connected
    first up to `cap`, with the relations among those. Also how many entities matched before the cap."""
    wanted = set(types) if types else None
    entities = {e.id: e for e in store.iter_entities() if wanted is None or e.type in wanted}
    degree: Counter[str] = Counter()
    for relation in store.iter_relations(with_evidence=False):
        inside = relation.source in entities and relation.target in entities
        if inside and (rels is None or relation.type in rels):
            degree[relation.source] += 1
            degree[relation.target] += 1
    matching = [eid for eid in entities if degree[eid] >= min_degree]
    kept = sorted(matching, key=lambda eid: (-degree[eid], entities[eid].name, eid))[:cap]
    if not kept:
        return Subgraph(nodes=[], edges=[]), 0
    among = store.subgraph(kept, 0, len(kept), filt=RelationFilter(types=rels) if rels else None)
    nodes = [entities[eid].model_copy(update={"degree": degree[eid]}) for eid in kept]
    return Subgraph(nodes=nodes, edges=among.edges, truncated=among.truncated), len(matching)


def _network_title(types: list[NodeType] | None, rels: list[RelType] | None) -> str:
    if types == [NodeType.GROUP] and rels and set(rels) <= {RelType.ALLIED_WITH, RelType.RIVAL_OF}:
        return "Alliance map"
    return "Network" if not types and not rels else "Network (filtered)"


def _filter_note(types: list[NodeType] | None, rels: list[RelType] | None, min_degree: int) -> str:
    kinds = ", ".join(t.value for t in types) if types else "all types"
    relations = ", ".join(r.value for r in rels) if rels else "all relations"
    return f"Entities: {kinds}. Relations: {relations}. At least {min_degree} relation(s) each."
