import pytest
from hypothesis import given, settings, strategies as st

from episodetui.core.codes import format_episode_code, parse_episode_code
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.text import (
    clean_line,
    clean_text,
    format_timestamp,
    mask_spoiler_spans,
    parse_timestamp,
    progress_bar,
    unwrap_spoiler_spans,
)


@pytest.mark.parametrize(
    "code, expected",
    [
        ("S01E02", (1, 2)),
        ("s1e2", (1, 2)),
        ("S02 E10", (2, 10)),
        ("1x02", (1, 2)),
        ("3x7", (3, 7)),
        ("2", (1, 2)),
        (" 12 ", (1, 12)),
        ("S00E01", (0, 1)),
    ],
)
def test_episode_codes(code, expected):
    assert parse_episode_code(code) == expected


@pytest.mark.parametrize("code", ["", "0", "S01", "E02", "1x", "x2", "S01E00", "two", "-1", "S1E2E3"])
def test_bad_episode_codes_name_the_accepted_forms(code):
    with pytest.raises(EpisodeTuiError, match="S01E02, 1x02, or 2"):
        parse_episode_code(code)


def test_format_episode_code():
    assert format_episode_code(1, 2) == "S01E02"
    assert format_episode_code(12, 104) == "S12E104"


@pytest.mark.parametrize(
    "text, seconds", [("00:41:10", 2470), ("41:10", 2470), ("1:02:03", 3723), ("0:00", 0)]
)
def test_timestamps(text, seconds):
    assert parse_timestamp(text) == seconds
    assert parse_timestamp(format_timestamp(seconds)) == seconds


@pytest.mark.parametrize("bad", ["99", "1:60", "00:61:00", "ab:cd", "", "1:2:3:4"])
def test_bad_timestamps(bad):
    with pytest.raises(EpisodeTuiError, match="HH:MM:SS"):
        parse_timestamp(bad)


def test_clean_text_strips_escape_sequences_whole():
    dirty = "Red\x1b[31m alert\x1b[0m\x07 and \x1b]0;pwned title\x07done\r\nnext\x00"
    assert clean_text(dirty) == "Red alert and done\nnext"


def test_clean_text_keeps_markup_emoji_korean_and_punctuation():
    text = "[bold]Evil[/] 🎬 바람의 정원 — “quoted” ‘single’ tabs\tkept"
    assert clean_text(text) == text


def test_clean_line_folds_lines():
    assert clean_line("  Harbour\n Lights \t") == "Harbour Lights"


def test_spoiler_spans_are_masked_with_the_same_shape():
    note = "He says ||it was the keeper|| and >!she knew!< all along"
    masked = mask_spoiler_spans(note)
    assert "keeper" not in masked and "knew" not in masked
    assert (
        masked == "He says " + "░" * len("it was the keeper") + " and " + "░" * len("she knew") + " all along"
    )
    assert unwrap_spoiler_spans(note) == "He says it was the keeper and she knew all along"


def test_masking_keeps_line_breaks():
    assert mask_spoiler_spans("||ab\ncd||") == "░░\n░░"


def test_progress_bar():
    assert progress_bar(0, 10, 10) == "░" * 10
    assert progress_bar(5, 10, 10) == "█" * 5 + "░" * 5
    assert progress_bar(3, 0, 4) == "░░░░"


def test_plural_counts_with_thousands_and_the_right_ending():
    from episodetui.core.text import plural

    assert plural(1, "episode") == "1 episode"
    assert plural(0, "episode") == "0 episodes"
    assert plural(1200, "match") == "1,200 matches"
    assert plural(2, "rewatch") == "2 rewatches"
    assert plural(3, "series", "series") == "3 series"


def test_an_episode_without_a_title_is_named_by_its_number():
    from episodetui.core.codes import title_or_number

    assert title_or_number("", 7) == "Episode 7"
    assert title_or_number("Pilot", 1) == "Pilot"


def test_a_play_late_in_the_utc_day_is_the_next_day_in_tokyo(monkeypatch):
    import time

    from episodetui.core.dates import local_day, parse_moment

    monkeypatch.setenv("TZ", "JST-9")  # a POSIX zone: needs no tz database
    time.tzset()
    try:
        assert local_day("2026-11-24T23:30:00Z") == "2026-11-25"
        assert local_day("2026-11-24T23:30:00") == "2026-11-24"  # no zone: as written
        assert local_day("not a date") == "not a date"
        assert parse_moment("2026-11-24T23:30:00Z") is not None and parse_moment("24/11/2026") is None
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_text_fast_path_agrees_with_the_full_cleaning(text):
    # A leading NUL sends any text down the full cleaning, which removes the NUL.
    assert clean_text(text) == clean_text("\x00" + text)


def test_fit_cells_counts_wide_characters_twice():
    from episodetui.core.text import cell_width, fit_cells

    assert cell_width("바람의 정원") == 11 and cell_width("Café") == 4 and cell_width("e\u0301") == 1
    assert fit_cells("바람의 정원", 6) == "바람의"  # 6 cells: three syllables
    assert fit_cells("바람의 정원", 5) == "바람 "  # a wide character never half-shown
    assert fit_cells("Orbit", 8) == "Orbit   "


def test_list_columns_line_up_with_korean_titles(demo, capsys):
    from episodetui.cli import main
    from episodetui.core.text import cell_width

    demo.close()
    assert main(["--data-dir", str(demo.data_dir), "list"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "█" in line or "░" in line]
    assert any(cell_width(line) != len(line) for line in lines)  # a wide title is among them
    starts = [min(i for i in (line.find("█"), line.find("░")) if i >= 0) for line in lines]
    bars = {cell_width(line[:start]) for line, start in zip(lines, starts, strict=True)}
    assert len(bars) == 1  # every progress bar starts in the same terminal column
