"""Spoiler-safe search: the index follows every write, queries are safe, and an unwatched
recap never matches, never shows in a snippet and never changes a count."""

from __future__ import annotations

import json

import pytest

from conftest import SECRET, fixed_clock, sql
from episodetui.cli import main
from episodetui.core.search import Searcher
from episodetui.core.search_text import make_snippet, parse_query
from episodetui.core.spoilers import SpoilerMode
from episodetui.core.store import Library
from features_fixtures import canary_library


@pytest.fixture
def lib(data_dir):
    library = canary_library(data_dir)
    yield library
    library.close()


def where(results) -> list[tuple[str | None, str]]:
    return [(hit.code, hit.where) for hit in results.hits]


def test_the_unwatched_recap_never_matches_or_counts(lib):
    search = Searcher(lib)
    for word in (SECRET, SECRET[:4], "rises", "carved", "hull's"):
        results = search.search(word)
        assert all(
            hit.kind.value not in ("recap", "key moment") or hit.code != "S01E03" for hit in results.hits
        )
    assert search.search(SECRET).total == 0
    assert search.search("carved").total == 0
    # "lantern" is in both watched recaps, a key moment, a note, a title, and the hidden recap.
    results = search.search("lantern")
    assert ("S01E03", "recap") not in where(results) and ("S01E03", "key moment") not in where(results)
    assert results.total == len(results.hits) == 6
    assert all(SECRET not in hit.snippet.text for hit in results.hits)
    # Deleting the hidden recap changes nothing: it was never counted.
    lib.delete_recap(lib.episodes(1)[2].id)
    assert search.search("lantern").total == 6


def test_watching_the_episode_makes_its_recap_searchable(lib):
    third = lib.episodes(1)[2]
    lib.set_watched(third.id, True)
    results = Searcher(lib).search(SECRET)
    assert ("S01E03", "recap") in where(results) and ("S01E03", "key moment") in where(results)
    assert any(SECRET in hit.snippet.text for hit in results.hits)


def test_revealed_and_mode_off_open_the_recap(lib):
    third = lib.episodes(1)[2]
    assert Searcher(lib).search(SECRET, revealed=[third.id]).total == 2
    lib.set_show_spoiler_mode(1, SpoilerMode.OFF)
    assert Searcher(lib).search(SECRET).total == 2


def test_strict_mode_hides_unwatched_titles_except_the_next(lib):
    lib.set_setting("spoiler_mode", "strict")
    search = Searcher(lib)
    # E3 is next: its title and synopsis are shown. E4's are hidden, and not counted.
    assert where(search.search("hull")) == [("S01E03", "title"), ("S01E03", "synopsis")]
    assert search.search("dawn").total == 0
    lib.set_watched(lib.episodes(1)[2].id, True)  # now E4 is next
    assert where(search.search("dawn")) == [("S01E04", "title"), ("S01E04", "synopsis")]


def test_note_spoiler_spans_are_masked_in_snippets(lib):
    results = Searcher(lib).search("lantern room")
    notes = [hit for hit in results.hits if hit.where == "note"]
    assert notes and "whole time" not in notes[0].snippet.text and "░" in notes[0].snippet.text
    revealed = Searcher(lib).search("lantern room", notes_revealed=True)
    assert "whole time" in [h for h in revealed.hits if h.where == "note"][0].snippet.text


def test_words_inside_a_masked_span_never_match_or_count(lib):
    """A hit on a hidden word would tell what the ||span|| hides."""
    show = lib.find_show("Harbour")
    note = lib.add_note(
        show.id, "who did it? ||Marrowgate did||, I bet", episode_id=lib.episodes(show.id)[0].id
    )
    for query in ("Marrowgate", "marrow"):
        assert Searcher(lib).search(query).total == 0
        assert Searcher(lib).search(query, notes_revealed=True).total == 0
    assert Searcher(lib).search("bet").total >= 1  # the words around the span still match
    lib.update_note(note.id, "who did it? Marrowgate did, I bet", None)  # no longer hidden
    assert Searcher(lib).search("Marrowgate").total == 1


def test_index_follows_edits_in_the_same_transaction(lib):
    search = Searcher(lib)
    note = lib.add_note(1, "a gull steals the bread", episode_id=lib.episodes(1)[0].id)
    assert search.search("gull").total == 1
    lib.update_note(note.id, "a heron steals the bread", None)
    assert search.search("gull").total == 0 and search.search("heron").total == 1
    lib.delete_note(note.id)
    assert search.search("heron").total == 0
    lib.update_episode(lib.episodes(1)[3].id, title="Daybreak")
    assert search.search("dawn").hits[0].where == "synopsis" and search.search("daybreak").total == 1
    with pytest.raises(RuntimeError, match="rolled back"):
        with lib.transaction():
            lib.add_note(1, "a walrus", episode_id=None)
            raise RuntimeError("rolled back")
    assert search.search("walrus").total == 0
    lib.delete_show(1)
    assert search.search("lantern").total == 0
    assert sql(lib, "SELECT COUNT(*) FROM search_index").fetchone()[0] == 0
    assert sql(lib, "SELECT COUNT(*) FROM search_cjk").fetchone()[0] == 0


def test_prefixes_diacritics_and_cjk(library):
    show = library.add_show("사랑의 불시착", [2])
    other = library.add_show("東京の夜", [1])
    first = library.episodes(show.id)[0]
    library.set_watched(first.id, True)
    library.update_episode(first.id, title="Crème brûlée at the Café")
    library.add_note(other.id, "渋谷で会う約束")
    search = Searcher(library)
    assert search.search("cafe").total == 1 and search.search("BRULEE").total == 1
    assert search.search("crè").total == 1
    assert [h.show_title for h in search.search("사랑").hits] == ["사랑의 불시착"]
    assert [h.show_title for h in search.search("불시착").hits] == ["사랑의 불시착"]
    assert [h.show_title for h in search.search("東京").hits] == ["東京の夜"]
    assert [h.where for h in search.search("会う").hits] == ["note"]
    assert [h.where for h in search.search("渋谷で会").hits] == ["note"]
    hit = search.search("会う").hits[0]
    assert hit.snippet.text[slice(*hit.snippet.spans[0])] == "会う"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "NEAR(",
        "*",
        "-",
        ":",
        "a:b",
        "lantern AND",
        "OR",
        "(",
        ")",
        "^x",
        '"lan',
        "{x}",
        "NOT x",
        "lantern -keeper",
        "\x00\x1b[31m",
        "\ud800",
        "x" * 5000,
        "é" * 300,
        "a " * 500,
        "%",
        "_",
        '東"京',
    ],
)
def test_hostile_queries_never_raise(lib, query):
    results = Searcher(lib).search(query)
    assert results.total >= 0
    assert SECRET not in repr(results)


def test_parse_query_quotes_everything():
    query = parse_query('lan"tern NEAR(x y) -z col:val 東京*')
    assert query.words == ("lan", "tern", "NEAR", "x", "y", "z", "col", "val")
    assert query.cjk == ("東京",)
    assert query.fts_words() == '"lan"* "tern"* "NEAR"* "x"* "y"* "z"* "col"* "val"*'


def test_snippet_window_and_spans():
    text = "word " * 40 + "the Lantern keeper " + "tail " * 40
    snippet = make_snippet(text, parse_query("lant"), width=60)
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    ((start, end),) = snippet.spans
    assert snippet.text[start:end] == "Lantern"


def test_migration_indexes_existing_data(data_dir):
    import sqlite3

    from episodetui.core import schema

    lib = canary_library(data_dir)
    lib.close()
    # Put the file back at v3 without the index, then open it: v4 builds the index.
    db = sqlite3.connect(data_dir / "library.sqlite3")
    for name, kind in db.execute(
        "SELECT name, type FROM sqlite_master WHERE name LIKE 'search_%'"
    ).fetchall():
        if kind == "trigger":
            db.execute(f"DROP TRIGGER {name}")
    db.execute("DROP TABLE search_index")
    db.execute("DROP TABLE search_cjk")
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    lib = Library.open(data_dir, clock=fixed_clock)
    assert sql(lib, "PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert Searcher(lib).search("lantern").total == 6 and Searcher(lib).search(SECRET).total == 0
    lib.close()


def test_cli_search(data_dir, capsys):
    canary_library(data_dir).close()
    assert main(["--data-dir", str(data_dir), "search", "lantern"]) == 0
    out = capsys.readouterr().out
    assert "Harbour Lights  S01E01  recap" in out and SECRET not in out
    assert main(["--data-dir", str(data_dir), "search", SECRET]) == 0
    out = capsys.readouterr().out
    assert out == "No matches.\n"
    assert main(["--data-dir", str(data_dir), "search", "lantern", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 6 and {hit["where"] for hit in data["hits"]} == {
        "title",
        "synopsis",
        "recap",
        "key moment",
        "note",
    }
    assert main(["--data-dir", str(data_dir), "search", "ledger", "--show", "harb"]) == 0
    assert "Ledger" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "search", '"', "--show", "nope"]) == 2
    assert main(["--data-dir", str(data_dir), "search", "-"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err


def _index_texts(library: Library) -> tuple[list[str], list[str]]:
    return (
        sorted(row[0] for row in sql(library, "SELECT body FROM search_index")),
        sorted(row[0] for row in sql(library, "SELECT body FROM search_cjk")),
    )


def test_an_imported_library_is_indexed_as_if_typed_in(lib, tmp_path):
    """Imports index a new show set-based, with the row triggers standing aside (v6):
    the index must end up the same as the one the triggers built, and stay spoiler-safe."""
    from episodetui.core.exchange import ExportReader, export_chunks, import_library

    show = lib.add_show("東京の夜", [1])
    lib.add_note(show.id, "渋谷で会う約束 ||秘密の言葉||")
    data = "".join(export_chunks(lib))
    fresh = Library.open(tmp_path / "fresh", clock=fixed_clock)
    report = import_library(fresh, ExportReader(data))
    assert report.shows_added == 2
    assert _index_texts(fresh) == _index_texts(lib)
    assert Searcher(fresh).search("lantern").total == Searcher(lib).search("lantern").total == 6
    assert Searcher(fresh).search(SECRET).total == 0 and Searcher(fresh).search("秘密").total == 0
    assert [h.where for h in Searcher(fresh).search("会う").hits] == ["note"]
    # Inserts after the import are indexed by the triggers again.
    fresh.add_note(show.id, "a ferryman's whistle")
    assert Searcher(fresh).search("ferryman").total == 1
    # The same export again merges into those shows: nothing indexed twice.
    import_library(fresh, ExportReader(data))
    assert sum("渋谷" in body for body in _index_texts(fresh)[0]) == 1
    fresh.close()


def test_a_show_twice_in_one_import_is_indexed_once(lib, tmp_path):
    from episodetui.core.exchange import ExportReader, export_chunks, import_library

    doc = json.loads("".join(export_chunks(lib)))
    again = json.loads(json.dumps(doc["shows"][0]))
    note = {"text": "a tidewater bell", "at": None, "created_at": "2026-01-01T00:00:00+00:00"}
    again["notes"] = [{**note, "updated_at": note["created_at"]}]
    doc["shows"].append(again)  # the second copy merges into the first, new in this import
    fresh = Library.open(tmp_path / "fresh", clock=fixed_clock)
    report = import_library(fresh, ExportReader(json.dumps(doc)))
    notes = sum(len(s["notes"]) + sum(len(e["notes"]) for e in s["episodes"]) for s in doc["shows"][:-1])
    assert (report.shows_added, report.shows_merged, report.notes_added) == (
        len(doc["shows"]) - 1,
        1,
        notes + 1,
    )
    texts = _index_texts(fresh)[0]
    assert texts.count(doc["shows"][0]["title"]) == 1 and texts.count("a tidewater bell") == 1
    assert Searcher(fresh).search("tidewater").total == 1
    fresh.close()
