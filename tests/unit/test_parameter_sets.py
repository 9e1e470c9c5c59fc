import pytest

from claimsbook.site import parameter_sets
from claimsbook.site.parameter_sets import parse_assignment, split_assignments


def test_several_assignments_in_one_string_keep_spaces_inside_values():
    parts = split_assignments("countries=[China, United States]; tolerance=2;")
    assert parts == ["countries=[China, United States]", "tolerance=2"]
    assert parse_assignment(parts[0]) == ("countries", ["China", "United States"])
    assert parse_assignment(parts[1]) == ("tolerance", 2)
    assert split_assignments(None) == [] and split_assignments("  ") == []


def test_dates_stay_iso_strings_and_a_missing_equals_sign_is_named():
    assert parse_assignment("start_date=2024-12-31") == ("start_date", "2024-12-31")
    with pytest.raises(SystemExit, match="-p expects name=value, got 'tolerance'"):
        parse_assignment("tolerance")


def test_an_impossible_date_reaches_the_chapter_as_typed():
    """YAML would fail to build a date from 2025-13-01 with a traceback; the value
    stays a string, and the chapter's own check names it (tests/notebooks)."""
    assert parse_assignment("arena_start=2025-13-01") == ("arena_start", "2025-13-01")


@pytest.mark.parametrize("raw", ["[China, United States", "{a: 1", "'unclosed"])
def test_malformed_yaml_stops_with_one_line_naming_parameter_value_and_what_is_allowed(raw):
    with pytest.raises(SystemExit) as caught:
        parse_assignment(f"countries={raw}")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"parameter 'countries' = {raw!r} is not allowed: expected a YAML value")


def test_a_parameter_file_with_bad_yaml_stops_with_one_line_naming_file_and_line(
        tmp_path, monkeypatch):
    params = tmp_path / "params"
    params.mkdir()
    (params / "01-ai-index.broken.yaml").write_text("arena_start: 2024-01-01\ncountries: [China\n",
                                                    encoding="utf-8")
    monkeypatch.setattr(parameter_sets, "chapters_dir", lambda: tmp_path)
    with pytest.raises(SystemExit) as caught:
        parameter_sets.load_parameter_set("01-ai-index", "broken")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{params / '01-ai-index.broken.yaml'}:3:1: not valid YAML")
