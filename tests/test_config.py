"""config.toml: preferences, keymap, and one clear message per bad line."""

from __future__ import annotations

import tomllib

import pytest

from episodetui.core.config import check_keymap, config_path, load_config, save_setting
from episodetui.core.errors import EpisodeTuiError


def _write(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_config_is_the_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("EPISODETUI_CONFIG", str(tmp_path / "nowhere.toml"))
    config = load_config()
    assert (config.theme, config.advance_after_watch, config.keymap) == (None, True, {})


def test_the_config_path_follows_flag_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EPISODETUI_CONFIG", str(tmp_path / "env.toml"))
    assert config_path() == tmp_path / "env.toml"
    assert config_path(tmp_path / "flag.toml") == tmp_path / "flag.toml"
    monkeypatch.delenv("EPISODETUI_CONFIG")
    assert config_path().name == "config.toml" and "episodetui" in str(config_path())


def test_settings_and_keymap_are_read(tmp_path):
    path = _write(
        tmp_path,
        'theme = "nord"\nadvance_after_watch = false\n\n[keymap]\n"show.toggle_watched" = "x, ctrl+x"\n',
    )
    config = load_config(path)
    assert config.theme == "nord" and config.advance_after_watch is False
    assert config.keymap == {"show.toggle_watched": "x,ctrl+x"}


@pytest.mark.parametrize(
    "text, message",
    [
        ('theme = "nord"\ncolour = "red"\n', "line 2: unknown setting 'colour'"),
        ("theme = 3\n", "line 1: theme must be text"),
        ('advance_after_watch = "yes"\n', "line 1: advance_after_watch must be true or false"),
        ('[keymap]\n"show.toggle_watched" = 5\n', "line 2: keys for 'show.toggle_watched' must be text"),
        ('[keymap]\n"show.toggle_watched" = "x y"\n', "line 2: 'x y' is not a key name"),
        ('theme = "nord\n', "config.toml"),
        ("keymap = 3\n", "line 1: [keymap] must be a table"),
    ],
)
def test_bad_lines_are_named(tmp_path, text, message):
    with pytest.raises(EpisodeTuiError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(_write(tmp_path, text))


def test_unknown_binding_ids_are_named(tmp_path):
    path = _write(tmp_path, '[keymap]\n"show.toggle_wached" = "x"\n')
    config = load_config(path)
    with pytest.raises(EpisodeTuiError, match="line 2: no key binding has the id 'show.toggle_wached'"):
        check_keymap(config.keymap, {"show.toggle_watched"}, path)


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff"\n')
    with pytest.raises(EpisodeTuiError, match="not UTF-8"):
        load_config(path)


def test_saving_a_setting_keeps_the_rest_of_the_file(tmp_path):
    path = _write(tmp_path, '# my settings\ntheme = "nord"\n\n[keymap]\n"app.quit" = "ctrl+q"\n')
    save_setting(path, "theme", 'dra"cula')
    save_setting(path, "advance_after_watch", False)
    text = path.read_text()
    assert text.startswith("# my settings\n")
    data = tomllib.loads(text)
    assert data == {"theme": 'dra"cula', "advance_after_watch": False, "keymap": {"app.quit": "ctrl+q"}}
    assert path.stat().st_mode & 0o777 == 0o600


def test_saving_into_a_new_file(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    save_setting(path, "theme", "gruvbox")
    assert tomllib.loads(path.read_text()) == {"theme": "gruvbox"}


def test_every_key_binding_has_an_id_so_every_key_can_be_remapped():
    from episodetui.tui.keys import key_table, unnamed_bindings

    assert unnamed_bindings() == []
    ids = [info.id for info in key_table()]
    assert len(ids) == len(set(ids))


def test_a_keymap_with_an_unknown_id_stops_the_tui_before_it_opens(tmp_path, capsys):
    from episodetui.cli import main

    path = _write(tmp_path, '[keymap]\n"show.toggle_wached" = "x"\n')
    assert main(["--data-dir", str(tmp_path / "lib"), "--config", str(path)]) == 2
    assert "line 2: no key binding has the id 'show.toggle_wached'" in capsys.readouterr().err


async def test_a_remapped_key_works_in_the_tui(tmp_path):
    from conftest import fixed_clock
    from episodetui.core.config import load_config
    from episodetui.core.store import Library
    from episodetui.tui.app import EpisodeTuiApp

    path = _write(tmp_path, '[keymap]\n"show.toggle_watched" = "x"\n')
    library = Library.open(tmp_path / "lib", clock=fixed_clock)
    show = library.add_show("Harbour Lights", [3])
    app = EpisodeTuiApp(library, start_show_id=show.id, config=load_config(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("w")  # no longer the key
        await pilot.pause()
        assert not library.episodes(show.id)[0].watched
        await pilot.press("x")
        await pilot.pause()
    library.close()
    again = Library.open(tmp_path / "lib")
    assert again.episodes(show.id)[0].watched
    again.close()


async def test_the_theme_is_remembered_in_the_config_file(tmp_path):
    from episodetui.core.config import Config, load_config
    from episodetui.core.store import Library
    from episodetui.tui.app import EpisodeTuiApp

    path = tmp_path / "config.toml"
    library = Library.open(tmp_path / "lib")
    app = EpisodeTuiApp(library, config=Config(path))  # no file yet: the defaults
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert load_config(path).theme == "nord"
    again = EpisodeTuiApp(library, config=load_config(path))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
    library.close()
