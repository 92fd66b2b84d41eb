"""Every Cypher statement the Neo4j store sends, and nothing else: the lint check reads them all here.

Rules:
- labels and relationship types come only from graph.ontology's enums (one statement per enum value
  where a type must be spelt out, so that indexes on typed relationships are used);
- every value travels as a `$parameter`; the only number ever written into a statement is a path
  length (Cypher cannot take it as a parameter), checked to be an int in 1..MAX_PATH_HOPS;
- MERGE only on a constrained `id`.

The graph (see graph/neo4j/store.py for why it is shaped this way):

    (:Entity:Group|Leader|Camp|Place {id, type, name, ...})-[:LEADS|MEMBER_OF|... {id, ...}]->(:Entity)
    (:Document {id, title, text, ...})-[:MENTIONS {name, aliases, attributes}]->(:Entity)
    (:Claim {id, relation_id, type, source, target, confidence, ...})-[:FROM]->(:Document)
    (:Evidence {id, relation_id, sentence, start, end, date, confidence, method})-[:FROM]->(:Document)
"""

from __future__ import annotations

from graph.ontology import DOCUMENT_LABEL, NodeType, RelType

ENTITY = "Entity"
DOCUMENT = DOCUMENT_LABEL
CLAIM = "Claim"
EVIDENCE = "Evidence"
MENTIONS = "MENTIONS"
FROM = "FROM"
NODE_LABELS: tuple[str, ...] = (ENTITY, *(t.value for t in NodeType), DOCUMENT, CLAIM, EVIDENCE)
ALL_RELS = "|".join(t.value for t in RelType)
MAX_PATH_HOPS = 10

ENTITY_SEARCH_INDEX = "mkg_entity_search"
ENTITY_KEYS_INDEX = "mkg_entity_keys"
DOCUMENT_TEXT_INDEX = "mkg_document_text"

# --- schema ------------------------------------------------------------------------------------


def _node_constraint(label: str) -> str:
    return f"CREATE CONSTRAINT mkg_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"


def _rel_constraint(rel: RelType) -> str:
    return (
        f"CREATE CONSTRAINT mkg_rel_{rel.value.lower()}_id IF NOT EXISTS"
        f" FOR ()-[r:{rel.value}]-() REQUIRE r.id IS UNIQUE"
    )


def _index(name: str, label: str, prop: str) -> str:
    return f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"


def _fulltext(name: str, label: str, props: str, analyzer: str) -> str:
    return (
        f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON EACH {props}"
        f" OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{analyzer}'}}}}"
    )


CONSTRAINTS: dict[str, str] = {
    **{f"mkg_{label.lower()}_id": _node_constraint(label) for label in NODE_LABELS},
    **{f"mkg_rel_{rel.value.lower()}_id": _rel_constraint(rel) for rel in RelType},
}
INDEXES: dict[str, str] = {
    "mkg_entity_name": _index("mkg_entity_name", "Entity", "name"),
    "mkg_entity_type": _index("mkg_entity_type", "Entity", "type"),
    "mkg_document_ingested": _index("mkg_document_ingested", "Document", "ingested_ns"),
    "mkg_claim_relation": _index("mkg_claim_relation", "Claim", "relation_id"),
    "mkg_evidence_relation": _index("mkg_evidence_relation", "Evidence", "relation_id"),
    # Tokens precomputed in Python (lower case, accents removed), so the analyzer only splits on spaces.
    ENTITY_SEARCH_INDEX: _fulltext(ENTITY_SEARCH_INDEX, "Entity", "[n.search]", "whitespace"),
    # One token per folded name ("jaish_e_mohammed"): an exact, indexed alias lookup.
    ENTITY_KEYS_INDEX: _fulltext(ENTITY_KEYS_INDEX, "Entity", "[n.name_keys]", "whitespace"),
    DOCUMENT_TEXT_INDEX: _fulltext(DOCUMENT_TEXT_INDEX, "Document", "[n.title, n.text]", "standard-folding"),
}
SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN name"
SHOW_INDEXES = "SHOW INDEXES YIELD name, state RETURN name, state"
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"

# --- shared fragments --------------------------------------------------------------------------

ENTITY_MAP = (
    "{id: e.id, type: e.type, name: e.name, aliases: e.aliases, attributes: e.attributes, degree: e.degree}"
)
DOCUMENT_MAP = (
    "{id: d.id, title: d.title, date: d.date, source: d.source, reliability: d.reliability,"
    " filename: d.filename, media_type: d.media_type, size: d.size, ingested_at: d.ingested_at,"
    " n_entities: d.n_entities, n_relations: d.n_relations}"
)
RELATION_MAP = (
    "{id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, confidence: r.confidence,"
    " first_seen: r.first_seen, last_seen: r.last_seen, credibility: r.credibility,"
    " reliability: r.reliability, n_documents: r.n_documents, attributes: r.attributes}"
)
# A RelationFilter on relationship `r`; a null parameter means "no condition". Dates compare as text
# (YYYY[-MM[-DD]]): `$until_end` is already the end of its period, `$end_mark` sorts after any date.
RELATION_FILTER = (
    "($types IS NULL OR type(r) IN $types)"
    " AND ($until_end IS NULL OR (r.first_seen IS NOT NULL AND r.first_seen <= $until_end))"
    " AND ($since IS NULL OR (r.last_seen IS NOT NULL AND r.last_seen + $end_mark >= $since))"
    " AND ($min_reliability IS NULL OR (r.reliability IS NOT NULL AND r.reliability <= $min_reliability))"
    " AND ($max_credibility IS NULL OR r.credibility <= $max_credibility)"
)

# --- writes: one document ----------------------------------------------------------------------

DOCUMENT_STATE = (
    "MATCH (d:Document {id: $id}) RETURN d.n_entities AS n_entities, d.n_relations AS n_relations"
)
CREATE_DOCUMENT = "CREATE (d:Document) SET d = $props"
SET_DOCUMENT_COUNTS = (
    "MATCH (d:Document {id: $id}) SET d.n_entities = $n_entities, d.n_relations = $n_relations"
)


def merge_entities(node_type: NodeType) -> str:
    """New entities start bare (no aliases, no degree); the name update that follows fills them in."""
    return (
        "UNWIND $rows AS row MERGE (e:Entity {id: row.id})"
        f" ON CREATE SET e:{node_type.value}, e.type = row.type, e.name = row.name, e.aliases = [],"
        " e.attributes = '{}', e.degree = 0"
    )


# Setting and removing a property takes the node's write lock until the transaction ends, so the
# read that follows sees the last committed state and nobody changes it before we write.
LOCK_ENTITIES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e._lock = true REMOVE e._lock"
ENTITY_STATE = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id})"
    " RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases"
)
UPDATE_ENTITY_NAMES = (
    "UNWIND $rows AS row MATCH (e:Entity {id: row.id})"
    " SET e.name = row.name, e.name_key = row.name_key, e.aliases = row.aliases, e.folded = row.folded,"
    " e.name_keys = row.name_keys, e.search = row.search"
)
CREATE_MENTIONS = (
    "MATCH (d:Document {id: $doc_id}) UNWIND $rows AS row MATCH (e:Entity {id: row.id})"
    " CREATE (d)-[:MENTIONS {name: row.name, aliases: row.aliases, attributes: row.attributes}]->(e)"
)
ENTITY_ATTRIBUTE_SOURCES = (
    "UNWIND $ids AS id MATCH (d:Document)-[m:MENTIONS]->(e:Entity {id: id}) WHERE m.attributes IS NOT NULL"
    " RETURN id, d.date AS date, d.id AS doc_id, m.attributes AS attributes"
)
SET_ENTITY_ATTRIBUTES = "UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e.attributes = row.attributes"
ADD_DEGREES = "UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e.degree = e.degree + row.delta"


def merge_relations(rel: RelType) -> str:
    """New relations start empty (no documents); the grading update that follows fills them in."""
    return (
        "UNWIND $rows AS row MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target})"
        f" MERGE (s)-[r:{rel.value} {{id: row.id}}]->(t)"
        " ON CREATE SET r.confidence = 0.0, r.miss = 1.0, r.n_documents = 0, r.n_sources = 0,"
        " r.credibility = 6, r.attributes = '{}', r.created_ns = row.created_ns"
    )


def lock_relations(rel: RelType) -> str:
    return f"UNWIND $ids AS id MATCH ()-[r:{rel.value} {{id: id}}]->() SET r._lock = true REMOVE r._lock"


def relation_state(rel: RelType) -> str:
    return (
        f"UNWIND $ids AS id MATCH ()-[r:{rel.value} {{id: id}}]->()"
        " RETURN r.id AS id, r.miss AS miss, r.first_seen AS first_seen, r.last_seen AS last_seen,"
        " r.reliability AS reliability, r.n_documents AS n_documents, r.n_sources AS n_sources,"
        " r.source_key AS source_key"
    )


def update_relations(rel: RelType) -> str:
    return f"UNWIND $rows AS row MATCH ()-[r:{rel.value} {{id: row.id}}]->() SET r += row.props"


CREATE_CLAIMS = (
    "MATCH (d:Document {id: $doc_id}) UNWIND $rows AS row CREATE (c:Claim)-[:FROM]->(d) SET c = row"
)
CREATE_EVIDENCE = (
    "MATCH (d:Document {id: $doc_id}) UNWIND $rows AS row CREATE (ev:Evidence)-[:FROM]->(d) SET ev = row"
)
RELATION_ATTRIBUTE_SOURCES = (
    "UNWIND $ids AS id MATCH (c:Claim {relation_id: id})-[:FROM]->(d:Document) WHERE c.attributes IS NOT NULL"
    " RETURN id, d.date AS date, d.id AS doc_id, c.attributes AS attributes"
)

# --- deletes -----------------------------------------------------------------------------------

LOCK_DOCUMENT = "MATCH (d:Document {id: $id}) SET d._lock = true REMOVE d._lock RETURN d.id AS id"
DOCUMENT_MENTIONS = (
    "MATCH (d:Document {id: $id})-[m:MENTIONS]->(e:Entity)"
    " RETURN e.id AS id, m.attributes IS NOT NULL AS has_attributes"
)
DOCUMENT_CLAIMS = (
    "MATCH (c:Claim)-[:FROM]->(d:Document {id: $id})"
    " RETURN c.relation_id AS id, c.type AS type, c.attributes IS NOT NULL AS has_attributes"
)
DELETE_DOCUMENT_PARTS = "MATCH (x:Claim|Evidence)-[:FROM]->(d:Document {id: $id}) DETACH DELETE x"
DELETE_DOCUMENT = "MATCH (d:Document {id: $id}) DETACH DELETE d"
REMAINING_CLAIMS = (
    "UNWIND $ids AS id MATCH (c:Claim {relation_id: id})-[:FROM]->(d:Document)"
    " RETURN id, c.confidence AS confidence, c.first_seen AS first_seen, c.last_seen AS last_seen,"
    " d.source_key AS source_key, d.reliability AS reliability"
)
REMAINING_MENTIONS = (
    "UNWIND $ids AS id MATCH (:Document)-[m:MENTIONS]->(e:Entity {id: id})"
    " RETURN id, m.name AS name, m.aliases AS aliases"
)
DELETE_ENTITIES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) DETACH DELETE e"


def delete_relations(rel: RelType) -> str:
    return (
        f"UNWIND $ids AS id MATCH (s:Entity)-[r:{rel.value} {{id: id}}]->(t:Entity)"
        " DELETE r RETURN s.id AS source, t.id AS target"
    )


# --- reads: documents --------------------------------------------------------------------------

GET_DOCUMENT = f"MATCH (d:Document {{id: $id}}) RETURN {DOCUMENT_MAP} AS doc, d.text AS text"
DOCUMENT_ENTITIES = (
    f"MATCH (d:Document {{id: $id}})-[:MENTIONS]->(e:Entity) RETURN {ENTITY_MAP} AS entity"
    " ORDER BY e.degree DESC, e.name, e.id"
)
DOCUMENT_RELATION_IDS = "MATCH (c:Claim)-[:FROM]->(d:Document {id: $id}) RETURN c.relation_id AS id"
COUNT_DOCUMENTS = "MATCH (d:Document) RETURN count(d) AS n"
LIST_DOCUMENTS = (
    f"MATCH (d:Document) RETURN {DOCUMENT_MAP} AS doc"
    " ORDER BY d.ingested_ns DESC, d.id DESC SKIP $offset LIMIT $limit"
)
COUNT_DOCUMENT_HITS = (
    f"CALL db.index.fulltext.queryNodes('{DOCUMENT_TEXT_INDEX}', $query) YIELD node RETURN count(node) AS n"
)
SEARCH_DOCUMENTS = (
    f"CALL db.index.fulltext.queryNodes('{DOCUMENT_TEXT_INDEX}', $query) YIELD node, score"
    f" WITH node AS d, score RETURN {DOCUMENT_MAP} AS doc, d.text AS text"
    " ORDER BY score DESC, d.ingested_ns, d.id SKIP $offset LIMIT $limit"
)
DOCUMENTS_TOP_ENTITIES = (
    "UNWIND $ids AS id MATCH (:Document {id: id})-[:MENTIONS]->(e:Entity)"
    " WITH id, e ORDER BY e.degree DESC, e.name, e.id"
    f" WITH id, collect({ENTITY_MAP}) AS entities RETURN id, entities[..$per] AS entities"
)
COUNT_ENTITY_DOCUMENTS = "MATCH (d:Document)-[:MENTIONS]->(:Entity {id: $id}) RETURN count(d) AS n"
ENTITY_DOCUMENTS = (
    f"MATCH (d:Document)-[:MENTIONS]->(:Entity {{id: $id}}) RETURN {DOCUMENT_MAP} AS doc"
    " ORDER BY d.ingested_ns DESC, d.id DESC LIMIT $limit"
)
DOCUMENTS_AFTER = (
    f"MATCH (d:Document) WHERE d.ingested_ns > $after_ns OR (d.ingested_ns = $after_ns AND d.id > $after_id)"
    f" RETURN {DOCUMENT_MAP} AS doc, d.text AS text, d.ingested_ns AS ns"
    " ORDER BY d.ingested_ns, d.id LIMIT $limit"
)
DOCUMENTS_MENTIONS = (
    "UNWIND $ids AS id MATCH (:Document {id: id})-[m:MENTIONS]->(e:Entity)"
    " RETURN id, e.id AS entity, e.type AS type, m.name AS name, m.aliases AS aliases,"
    " m.attributes AS attributes"
    " ORDER BY id, entity"
)
DOCUMENTS_CLAIMS = (
    "UNWIND $ids AS id MATCH (c:Claim)-[:FROM]->(:Document {id: id})"
    " RETURN id, c.relation_id AS relation_id, c.type AS type, c.source AS source, c.target AS target,"
    " c.attributes AS attributes"
)

# --- reads: evidence ---------------------------------------------------------------------------

EVIDENCE_MAP = (
    "{doc_id: d.id, sentence: ev.sentence, start: ev.start, end: ev.end, date: ev.date,"
    " confidence: ev.confidence, method: ev.method, doc_title: d.title, source: d.source,"
    " reliability: d.reliability}"
)
RELATIONS_EVIDENCE = (
    "UNWIND $ids AS id MATCH (ev:Evidence {relation_id: id})-[:FROM]->(d:Document)"
    " WHERE $doc_id IS NULL OR d.id = $doc_id"
    " WITH id, ev, d ORDER BY ev.confidence DESC, ev.doc_ns, ev.pos"
    f" WITH id, collect({EVIDENCE_MAP}) AS items RETURN id, items[..$per] AS items"
)

# --- reads: entities ---------------------------------------------------------------------------

GET_ENTITIES = f"UNWIND $ids AS id MATCH (e:Entity {{id: id}}) RETURN {ENTITY_MAP} AS entity"
COUNT_ENTITIES = "MATCH (e:Entity) WHERE $type IS NULL OR e.type = $type RETURN count(e) AS n"
LIST_ENTITIES = (
    f"MATCH (e:Entity) WHERE $type IS NULL OR e.type = $type RETURN {ENTITY_MAP} AS entity"
    " ORDER BY e.degree DESC, e.name, e.id SKIP $offset LIMIT $limit"
)
COUNT_ENTITY_HITS = (
    f"CALL db.index.fulltext.queryNodes('{ENTITY_SEARCH_INDEX}', $query) YIELD node"
    " WHERE $type IS NULL OR node.type = $type RETURN count(node) AS n"
)
SEARCH_ENTITIES = (
    f"CALL db.index.fulltext.queryNodes('{ENTITY_SEARCH_INDEX}', $query) YIELD node"
    f" WITH node AS e WHERE $type IS NULL OR e.type = $type RETURN {ENTITY_MAP} AS entity"
    " ORDER BY e.name_key = $key DESC, $key IN e.folded DESC, e.degree DESC, e.name, e.id"
    " SKIP $offset LIMIT $limit"
)
# `rows`: {key: a folded name, query: the same as one escaped Lucene term}; the IN check keeps it exact.
LOOKUP_NAMES = (
    f"UNWIND $rows AS row CALL db.index.fulltext.queryNodes('{ENTITY_KEYS_INDEX}', row.query) YIELD node"
    " WITH row, node WHERE row.key IN node.folded AND ($type IS NULL OR node.type = $type)"
    " RETURN DISTINCT row.key AS key, node.id AS id ORDER BY key, id"
)
ENTITIES_AFTER = (
    f"MATCH (e:Entity) WHERE e.id > $after RETURN {ENTITY_MAP} AS entity ORDER BY e.id LIMIT $limit"
)

# --- reads: relations --------------------------------------------------------------------------


def _relations_by_id() -> str:
    branches = " UNION ".join(
        f"MATCH (:Entity)-[r:{rel.value} {{id: id}}]->(:Entity) RETURN r" for rel in RelType
    )
    return f"UNWIND $ids AS id CALL (id) {{ {branches} }} RETURN {RELATION_MAP} AS rel"


GET_RELATIONS = _relations_by_id()

# find_relations: which end(s) are pinned decides where the match starts. Symmetric types match
# from either end. Each variant returns relation maps (page) or a count (total).
_FIND_MATCH: dict[str, str] = {
    "both": "MATCH (a:Entity {id: $source})-[r:" + ALL_RELS + "]-(b:Entity {id: $target})"
    " WHERE (startNode(r) = a OR type(r) IN $symmetric)",
    "source": "MATCH (a:Entity {id: $source})-[r:" + ALL_RELS + "]-(:Entity)"
    " WHERE (startNode(r) = a OR type(r) IN $symmetric)",
    "target": "MATCH (a:Entity {id: $target})-[r:" + ALL_RELS + "]-(:Entity)"
    " WHERE (endNode(r) = a OR type(r) IN $symmetric)",
    "none": "MATCH (:Entity)-[r:" + ALL_RELS + "]->(:Entity) WHERE true",
}
_FIND_WHERE = f" AND ($type IS NULL OR type(r) = $type) AND {RELATION_FILTER}"
FIND_RELATIONS: dict[str, str] = {
    pinned: f"{match}{_FIND_WHERE} WITH DISTINCT r RETURN {RELATION_MAP} AS rel"
    " ORDER BY r.created_ns, r.id SKIP $offset LIMIT $limit"
    for pinned, match in _FIND_MATCH.items()
}
COUNT_RELATIONS: dict[str, str] = {
    pinned: f"{match}{_FIND_WHERE} RETURN count(DISTINCT r) AS n" for pinned, match in _FIND_MATCH.items()
}
_ENTITY_RELATIONS_MATCH = f"MATCH (:Entity {{id: $id}})-[r:{ALL_RELS}]-(:Entity) WHERE {RELATION_FILTER}"
COUNT_ENTITY_RELATIONS = f"{_ENTITY_RELATIONS_MATCH} RETURN count(DISTINCT r) AS n"
ENTITY_RELATIONS = (
    f"{_ENTITY_RELATIONS_MATCH} WITH DISTINCT r RETURN {RELATION_MAP} AS rel"
    " ORDER BY r.n_documents DESC, r.confidence DESC, r.id LIMIT $limit"
)


def relations_after(rel: RelType) -> str:
    return (
        f"MATCH (:Entity)-[r:{rel.value}]->(:Entity) WHERE r.id > $after"
        f" RETURN {RELATION_MAP} AS rel ORDER BY r.id LIMIT $limit"
    )


# --- traversals --------------------------------------------------------------------------------


# The relations at one end of each frontier node, strongest first, at most $cap per node: "source"
# follows them out of the node, "target" into it. $symmetric_only keeps only symmetric types (an
# "out" walk still follows those into a node); $node_types restricts the far end.
def _node_edges(pattern: str) -> str:
    return (
        f"UNWIND $frontier AS fid CALL (fid) {{ MATCH {pattern}"
        " WHERE (NOT $symmetric_only OR type(r) IN $symmetric)"
        f" AND ($node_types IS NULL OR b.type IN $node_types) AND {RELATION_FILTER}"
        " RETURN r ORDER BY r.n_documents DESC, r.confidence DESC, r.created_ns, r.id LIMIT $cap }"
        " RETURN fid, r.id AS id, startNode(r).id AS source, endNode(r).id AS target,"
        " r.n_documents AS n_documents, r.confidence AS confidence, r.created_ns AS created_ns"
    )


NODE_EDGES: dict[str, str] = {
    "source": _node_edges(f"(:Entity {{id: fid}})-[r:{ALL_RELS}]->(b:Entity)"),
    "target": _node_edges(f"(:Entity {{id: fid}})<-[r:{ALL_RELS}]-(b:Entity)"),
}
RELATIONS_AMONG = (
    f"MATCH (a:Entity)-[r:{ALL_RELS}]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND {RELATION_FILTER}"
    " RETURN r.id AS id, a.id AS source, b.id AS target, r.n_documents AS n_documents,"
    " r.confidence AS confidence, r.created_ns AS created_ns"
    " ORDER BY n_documents DESC, confidence DESC, created_ns, id LIMIT $cap"
)


def shortest_paths(max_hops: int) -> str:
    """All shortest paths of at most `max_hops` relations, followed either way."""
    hops = path_hops(max_hops)
    return (
        "MATCH (s:Entity {id: $source}) MATCH (t:Entity {id: $target})"
        f" MATCH p = allShortestPaths((s)-[:{ALL_RELS}*..{hops}]-(t))"
        f" WHERE all(r IN relationships(p) WHERE {RELATION_FILTER})"
        " RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | r.id] AS edges LIMIT $limit"
    )


def path_hops(max_hops: object) -> int:
    """The only value ever written into a statement: a plain int in 1..MAX_PATH_HOPS, or ValueError."""
    if type(max_hops) is not int or not 1 <= max_hops <= MAX_PATH_HOPS:
        raise ValueError("path length must be an int between 1 and MAX_PATH_HOPS")
    return max_hops


# --- whole graph -------------------------------------------------------------------------------

COUNT_ENTITY_TYPES = " UNION ALL ".join(
    f"MATCH (e:{t.value}) RETURN '{t.value}' AS type, count(e) AS n" for t in NodeType
)
COUNT_RELATION_TYPES = " UNION ALL ".join(
    f"MATCH ()-[r:{t.value}]->() RETURN '{t.value}' AS type, count(r) AS n" for t in RelType
)


def all_statements() -> dict[str, str]:
    """Every statement this module can produce, each variant named: what the lint check runs over."""
    found: dict[str, str] = {}
    for name, value in sorted(globals().items()):
        if name.startswith("_") or not name.isupper():
            continue
        if isinstance(value, str) and _is_statement(value):
            found[name] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str) and _is_statement(item):
                    found[f"{name}[{key}]"] = item
    for node_type in NodeType:
        found[f"merge_entities({node_type.value})"] = merge_entities(node_type)
    per_rel = (
        merge_relations,
        lock_relations,
        relation_state,
        update_relations,
        delete_relations,
        relations_after,
    )
    for rel in RelType:
        for make in per_rel:
            found[f"{make.__name__}({rel.value})"] = make(rel)
    for hops in range(1, MAX_PATH_HOPS + 1):
        found[f"shortest_paths({hops})"] = shortest_paths(hops)
    return found


def _is_statement(text: str) -> bool:
    return text.split(" ", 1)[0] in ("MATCH", "CREATE", "UNWIND", "CALL", "SHOW")
