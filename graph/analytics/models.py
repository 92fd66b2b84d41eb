"""What the analytics answer: pydantic models the API returns as they are."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from graph.models import Relation
from graph.ontology import NodeType, RelType

Metric = Literal["degree", "betweenness", "pagerank", "eigenvector"]
ProjectionKind = Literal["co-membership", "shared-camps"]


class EntityRef(BaseModel):
    id: str
    type: NodeType
    name: str


class GraphScope(BaseModel):
    """The network an analysis ran on, after filters."""

    n_nodes: int
    n_edges: int = Field(description="distinct pairs of entities joined by at least one relation")
    n_relations: int
    truncated: bool = Field(default=False, description="true when the relation cap cut the network short")


class RankedEntity(EntityRef):
    rank: int = Field(ge=1)
    score: float
    degree: int = Field(description="distinct neighbours in the analysed network")


class CentralityResult(BaseModel):
    metric: Metric
    algorithm: str = Field(description="library and routine that computed the scores")
    approximate: bool = Field(description="true when the scores are estimated (sampled), not exact")
    samples: int | None = Field(default=None, description="source nodes sampled, when approximate")
    scope: GraphScope
    items: list[RankedEntity]
    limit: int
    truncated: bool = Field(description="true when more entities were ranked than `limit` returned")


class Community(BaseModel):
    index: int = Field(ge=0, description="0 is the largest community")
    size: int
    central: list[RankedEntity] = Field(description="its most connected members inside the community")
    members: list[EntityRef]
    members_truncated: bool = False


class CommunitiesResult(BaseModel):
    algorithm: str
    seed: int
    modularity: float
    scope: GraphScope
    n_communities: int
    communities: list[Community]
    limit: int
    truncated: bool


class Broker(EntityRef):
    """An articulation point: removing it splits its part of the network."""

    components: int = Field(description="pieces its part of the network falls into without it")
    piece_sizes: list[int] = Field(description="entities in each piece, largest first")
    separated: int = Field(description="entities cut off from the largest piece")


class Bridge(BaseModel):
    """A link whose removal splits the network in two."""

    source: EntityRef
    target: EntityRef
    types: list[RelType]
    sides: tuple[int, int] = Field(description="entities on the source's side and on the target's side")


class BrokersResult(BaseModel):
    scope: GraphScope
    brokers: list[Broker]
    n_brokers: int
    brokers_truncated: bool
    bridges: list[Bridge]
    n_bridges: int
    bridges_truncated: bool
    limit: int


class ProjectedLink(BaseModel):
    source: EntityRef
    target: EntityRef
    weight: int = Field(description="how many hubs (groups, camps) they share")
    via: list[EntityRef] = Field(description="the hubs they share, smallest hub first")
    via_truncated: bool = False


class ProjectionResult(BaseModel):
    kind: ProjectionKind
    description: str
    scope: GraphScope = Field(description="the two-mode network: spokes, hubs and the links between them")
    approximate: bool = Field(default=False, description="true when the largest hubs were left out")
    skipped_hubs: list[EntityRef] = Field(
        default_factory=list, description="hubs too large to expand into pairs, largest first"
    )
    n_links: int
    links: list[ProjectedLink]
    limit: int
    truncated: bool


class TimelineEntry(BaseModel):
    date: str | None = Field(description="first_seen of the relation; null when no date is known")
    direction: Literal["out", "in", "both"]
    other: EntityRef
    relation: Relation = Field(description="the relation, its evidence oldest first")


class Timeline(BaseModel):
    entity: EntityRef
    entries: list[TimelineEntry]
    limit: int
    truncated: bool
