"""`mkg` as a user runs it: a real subprocess on a real store, checking output and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MKG = Path(sys.executable).parent / "mkg"
GOLD_TYPES = {"Group", "Leader", "Camp", "Place"}
RELATION_TYPES = {
    "LEADS", "MEMBER_OF", "TRAINS_AT", "ALLIED_WITH", "RIVAL_OF", "LOCATED_IN", "OPERATES_IN", "RELATED_TO",
}  # fmt: skip


def mkg(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [str(MKG), *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "jem.txt").write_text(
        "Jaish-e-Mohammed (JeM) was founded by Maulana Masood Azhar in 2000. "
        "JeM runs a training camp at Balakot in Khyber Pakhtunkhwa.\n",
        encoding="utf-8",
    )
    (folder / "let.md").write_text(
        "# Lashkar-e-Taiba\n\nHafiz Muhammad Saeed founded Lashkar-e-Taiba (LeT). LeT is based in Muridke.\n",
        encoding="utf-8",
    )
    return folder


def test_ingest_prints_a_summary_and_exits_zero(corpus: Path, tmp_path: Path) -> None:
    done = mkg("ingest", str(corpus), "--store", str(tmp_path / "g.db"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ingested 2, unchanged 0, failed 0" in done.stdout
    again = mkg("ingest", str(corpus), "--store", str(tmp_path / "g.db"), cwd=tmp_path)
    assert again.returncode == 0
    assert "ingested 0, unchanged 2, failed 0" in again.stdout


def test_ingest_with_a_bad_file_lists_it_and_exits_one(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    done = mkg("ingest", str(corpus), str(bad), "--store", str(tmp_path / "g.db"), cwd=tmp_path)
    assert done.returncode == 1
    assert "failed 1" in done.stdout
    assert "bad.pdf" in done.stdout and "PDF" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    "args",
    [("ingest",), ("ingest", "x", "--workers", "0"), ("no-such-command",), ("view", "x")],
)
def test_usage_errors_exit_two(args: tuple[str, ...], tmp_path: Path) -> None:
    done = mkg(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_bad_store_gives_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"this is not a database at all" * 100)
    done = mkg("stats", "--store", str(foreign), cwd=tmp_path)
    assert done.returncode != 0
    assert "error:" in done.stderr
    assert "Traceback" not in done.stderr
    assert foreign.read_bytes() == b"this is not a database at all" * 100


def test_extract_json_is_shaped_like_a_gold_file(corpus: Path, tmp_path: Path) -> None:
    done = mkg("extract", str(corpus / "jem.txt"), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert isinstance(payload["entities"], list) and isinstance(payload["relations"], list)
    names = set()
    known_as: dict[str, set[str]] = {}
    for entity in payload["entities"]:
        assert entity["type"] in GOLD_TYPES
        assert isinstance(entity["name"], str) and entity["name"]
        assert isinstance(entity["aliases"], list)
        names.add(entity["name"])
        known_as[entity["name"]] = {entity["name"], *entity["aliases"]}
    for relation in payload["relations"]:
        assert relation["type"] in RELATION_TYPES
        assert relation["source"] in names and relation["target"] in names
    assert "Jaish-e-Mohammed" in names
    leads = [r for r in payload["relations"] if r["type"] == "LEADS" and r["target"] == "Jaish-e-Mohammed"]
    assert len(leads) == 1
    assert "Masood Azhar" in known_as[leads[0]["source"]]
    assert "Azhar" in leads[0]["evidence"][0]["sentence"]


def test_stats_and_view(corpus: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "g.db")
    assert mkg("ingest", str(corpus), "--store", store, cwd=tmp_path).returncode == 0
    stats = mkg("stats", "--store", store, cwd=tmp_path)
    assert stats.returncode == 0 and "Group" in stats.stdout and "2 documents" in stats.stdout
    out = tmp_path / "jem.html"
    view = mkg("view", "JeM", "-o", str(out), "--store", store, cwd=tmp_path)
    assert view.returncode == 0, view.stderr
    html = out.read_text(encoding="utf-8")
    assert "Jaish-e-Mohammed" in html
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//", html, re.I)


def test_view_of_unknown_entity_is_a_clear_error(corpus: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "g.db")
    mkg("ingest", str(corpus), "--store", store, cwd=tmp_path)
    done = mkg("view", "Nobody At All", "-o", str(tmp_path / "x.html"), "--store", store, cwd=tmp_path)
    assert done.returncode == 1
    assert "error:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.html").exists()


def test_eval_scores_a_gold_folder(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "one.txt").write_text("Maulana Masood Azhar founded Jaish-e-Mohammed.", encoding="utf-8")
    (gold / "one.gold.json").write_text(
        json.dumps(
            {
                "doc_id": "one",
                "source": "test",
                "entities": [
                    {"type": "Leader", "name": "Masood Azhar", "aliases": ["Maulana Masood Azhar"]},
                    {"type": "Group", "name": "Jaish-e-Mohammed", "aliases": ["JeM"]},
                ],
                "relations": [{"type": "LEADS", "source": "Masood Azhar", "target": "Jaish-e-Mohammed"}],
            }
        ),
        encoding="utf-8",
    )
    done = mkg("eval", str(gold), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["entities"]["f1"] == 1.0
    assert report["relations"]["f1"] == 1.0
    plain = mkg("eval", str(gold), cwd=tmp_path)
    assert plain.returncode == 0 and "Leader" in plain.stdout
