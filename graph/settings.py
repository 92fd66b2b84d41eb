"""One settings object for the CLI, the API and ingest: environment variables prefixed `MKG_`."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MiB = 1024 * 1024


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MKG_", extra="ignore")

    store: str = Field(default="./mkg.db", description="SQLite file path, or a neo4j:// / bolt:// URI")
    spacy_model: str = Field(default="en_core_web_md", description="installed spaCy pipeline to use")

    api_keys: str = Field(default="", description="comma-separated keys allowed to write; none = read-only")
    require_key_for_reads: bool = False
    cors_origins: str = Field(default="", description="comma-separated allowed origins; empty = CORS off")
    rate_limit_per_minute: int = Field(default=600, ge=1)

    max_results: int = Field(default=500, ge=1)
    max_path_hops: int = Field(default=6, ge=1)
    max_neighbor_hops: int = Field(default=3, ge=1)
    max_body_bytes: int = Field(default=10 * MiB, ge=1)
    max_document_bytes: int = Field(default=10 * MiB, ge=1)
    query_timeout_s: float = Field(default=5.0, gt=0)
    parse_timeout_s: float = Field(default=20.0, gt=0, description="time limit for parsing one PDF/HTML")
    max_export: int = Field(default=1_000_000, ge=1, description="most entities and relations per export")
    view_max_nodes: int = Field(default=2000, ge=1)
    analytics_max_relations: int = Field(default=500_000, ge=1, description="relations read for analytics")
    sources_file: str | None = Field(default=None, description="JSON file mapping sources to A-F grades")

    @property
    def api_key_list(self) -> list[str]:
        return [k.strip() for k in self.api_keys.split(",") if k.strip()]

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
