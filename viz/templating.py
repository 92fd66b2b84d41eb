"""Our Jinja environment (autoescaping on) and what every page template is given."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from viz.assets import view_css
from viz.csp import meta_policy
from viz.style import EDGE_STYLES, NODE_STYLES

ENTITY_URL = "/views/entity/"
DOCUMENT_URL = "/documents/"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("viz", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def type_css() -> str:
    """One class per node and relation type, from viz.style (our constants, never document text)."""
    rules = [f".mkg-t-{t.value}{{color:{s.color}}}" for t, s in NODE_STYLES.items()]
    rules += [f".mkg-r-{r.value}{{background:{s.color}}}" for r, s in EDGE_STYLES.items()]
    rules += [f".mkg-rt-{r.value}{{color:{s.color}}}" for r, s in EDGE_STYLES.items()]
    return "\n".join(rules)


def entity_href(entity_id: str) -> str:
    return ENTITY_URL + quote(entity_id, safe="")


def page_context(*, title: str, served: bool, nonce: str | None) -> dict[str, Any]:
    """Served pages get their CSP as a response header; a file carries it in a <meta> tag."""
    return {
        "title": title,
        "served": served,
        "nonce": nonce,
        "csp_meta": None if served else meta_policy(nonce),
        "own_css": view_css(),
        "type_css": type_css(),
    }


def render_page(template: str, context: dict[str, Any]) -> str:
    return environment().get_template(template).render(**context)
