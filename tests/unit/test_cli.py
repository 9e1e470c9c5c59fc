import pytest

from claimsbook.build.cli import parse_assignment, split_assignments


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
