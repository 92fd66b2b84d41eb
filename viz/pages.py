"""The pages around the network views: the home page, entity search results and messages.

These pages run no script at all; every value goes through Jinja's autoescaping.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from graph.models import DocumentSummary, Entity, Stats
from graph.ontology import NodeType, RelType
from viz.style import NODE_STYLES
from viz.templating import DOCUMENT_URL, entity_href, page_context, render_page

ALIASES_SHOWN = 3


def render_home(
    stats: Stats,
    top_groups: list[Entity],
    top_leaders: list[Entity],
    recent_docs: list[DocumentSummary],
    nonce: str | None = None,
) -> str:
    """The served overview: counts, search and path forms, best-connected entities, recent documents."""
    context = page_context(title="Overview", served=True, nonce=nonce)
    context.update(
        stats=stats,
        n_entities=sum(stats.entities.values()),
        n_relations=sum(stats.relations.values()),
        entity_counts=[
            {
                "type": t.value,
                "glyph": NODE_STYLES[t].glyph,
                "count": stats.entities.get(t.value, 0),
                "href": "/views/network?" + urlencode({"type": t.value, "min_degree": 0}),
            }
            for t in NodeType
        ],
        relation_counts=[
            {"type": r.value, "count": stats.relations.get(r.value, 0), "href": _network_href(rel=r)}
            for r in RelType
            if stats.relations.get(r.value, 0)
        ],
        top_groups=[_entity_item(e) for e in top_groups],
        top_leaders=[_entity_item(e) for e in top_leaders],
        recent_docs=[_document_item(d) for d in recent_docs],
        path_from="",
        path_to="",
    )
    return render_page("home.html", context)


def render_search(query: str, results: list[Entity], total: int, nonce: str | None = None) -> str:
    context = page_context(title=f"Search: {query}", served=True, nonce=nonce)
    context.update(query=query, results=[_entity_item(e) for e in results], total=total)
    return render_page("search.html", context)


def render_message(
    title: str,
    message: str,
    *,
    candidates: list[dict[str, str]] | None = None,
    path_form: tuple[str, str] | None = None,
    nonce: str | None = None,
) -> str:
    """An explanation page (nothing found, ambiguous name, bad parameter), with candidates to pick from."""
    context = page_context(title=title, served=True, nonce=nonce)
    context.update(
        message=message,
        candidates=[_candidate_item(c) for c in candidates or []],
        show_path_form=path_form is not None,
        path_from=path_form[0] if path_form else "",
        path_to=path_form[1] if path_form else "",
    )
    return render_page("message.html", context)


def _network_href(rel: RelType) -> str:
    return "/views/network?" + urlencode({"rel": rel.value})


def _entity_item(entity: Entity) -> dict[str, Any]:
    aliases = [a for a in entity.aliases if a != entity.name][:ALIASES_SHOWN]
    return {
        "name": entity.name,
        "type": entity.type.value,
        "glyph": NODE_STYLES[entity.type].glyph,
        "degree": entity.degree if entity.degree is not None else 0,
        "aliases": ", ".join(aliases),
        "href": entity_href(entity.id),
    }


def _candidate_item(candidate: dict[str, str]) -> dict[str, str]:
    node_type = NodeType(candidate["type"])
    return {
        "id": candidate["id"],
        "name": candidate["name"],
        "type": node_type.value,
        "glyph": NODE_STYLES[node_type].glyph,
        "href": entity_href(candidate["id"]),
    }


def _document_item(doc: DocumentSummary) -> dict[str, Any]:
    return {
        "title": doc.title or doc.filename or doc.id,
        "date": doc.date or "",
        "source": doc.source or "",
        "reliability": doc.reliability.value if doc.reliability else "",
        "n_entities": doc.n_entities,
        "n_relations": doc.n_relations,
        "href": DOCUMENT_URL + quote(doc.id, safe=""),
    }
