"""Data tier: every table valid, checksums current, the ledger well formed, and
corrupted tables stopped with a message that names file, row, column and rule."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from claimsbook.core import datapackage
from claimsbook.core.datapackage import DataPackageError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def test_every_table_is_valid_with_current_checksum():
    assert datapackage.validate_all() == []


def test_every_file_in_data_is_described():
    described = {r["path"] for r in datapackage.load_descriptor()["resources"]}
    on_disk = {str(p.relative_to(DATA)) for p in DATA.rglob("*.csv")}
    assert on_disk - described == set(), "CSV files in data/ missing from datapackage.json"


@pytest.mark.parametrize("name", datapackage.resource_names())
def test_loading_keeps_every_value(name):
    """A cell that is filled in the CSV is filled after loading: no value of a typed
    column (boolean, number, date) silently becomes missing."""
    resource = next(r for r in datapackage.load_descriptor()["resources"] if r["name"] == name)
    with (DATA / resource["path"]).open(encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    loaded = datapackage.load_table(name)
    assert len(loaded) == len(raw)
    for field in resource["schema"]["fields"]:
        filled = sum(1 for row in raw if row[field["name"]] != "")
        assert int(loaded[field["name"]].notna().sum()) == filled, f"{name}.{field['name']}"


def test_booleans_are_read_with_the_values_frictionless_accepts():
    arena = datapackage.load_table("months-behind-arena-models")
    with (DATA / "months-behind" / "arena_models.csv").open(encoding="utf-8") as handle:
        text = [row["open_weights"] for row in csv.DictReader(handle)]
    assert list(arena["open_weights"]) == [value == "True" for value in text]


# Tables without a natural key, and why. Keep this list short and explained.
NO_PRIMARY_KEY = {
    # Epoch's external benchmark files hold several reported scores per model.
    "months-behind-epoch-benchmarks",
}


def test_every_resource_has_title_descriptions_and_a_primary_key():
    for resource in datapackage.load_descriptor()["resources"]:
        assert resource.get("title"), resource["name"]
        schema = resource["schema"]
        if resource["name"] not in NO_PRIMARY_KEY:
            assert schema.get("primaryKey"), f"{resource['name']} has no primary key"
        for field in schema["fields"]:
            assert field.get("description"), f"{resource['name']}.{field['name']}"


def test_every_table_names_its_sources_and_rows_point_at_the_bibliography():
    for resource in datapackage.load_descriptor()["resources"]:
        name = resource["name"]
        assert resource.get("sources") and all(s.get("title") for s in resource["sources"]), name
        fields = [f["name"] for f in resource["schema"]["fields"]]
        if "source_id" in fields and name != "sources":
            keys = resource["schema"].get("foreignKeys", [])
            assert any(k["fields"] == ["source_id"] and k["reference"]["resource"] == "sources"
                       for k in keys), f"{name}.source_id is not a key into sources"


def test_claims_have_sources_unique_ids_and_chapters():
    claims = datapackage.load_table("claims")
    sources = set(datapackage.load_table("sources")["source_id"])
    assert claims["claim_id"].is_unique
    assert set(claims["source_id"]) <= sources
    assert set(claims["attributed_to"].dropna()) <= sources
    notebooks = {p.stem for p in (ROOT / "chapters").glob("*.ipynb")}
    assert set(claims["chapter"]) <= notebooks, "claims for a chapter without a notebook"


def test_notebooks_are_committed_without_outputs():
    for path in (ROOT / "chapters").glob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, path.name


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _rewrite_claims(data: Path, edit) -> None:
    path = data / "claims.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows = edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    # Re-hash (by hand: `datapackage --update` refuses an invalid table) so that the
    # schema, not the checksum, is what fails.
    descriptor_file = data / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["path"] == "claims.csv":
            resource["hash"] = "sha256:" + datapackage.sha256_of(path)
    descriptor_file.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                               encoding="utf-8")


def _column(rows, name):
    return rows[0].index(name)


def _drop_column(name):
    def edit(rows):
        i = _column(rows, name)
        return [row[:i] + row[i + 1:] for row in rows]
    return edit


def _set_first_row(name, value):
    def edit(rows):
        rows[1][_column(rows, name)] = value
        return rows
    return edit


def _repeat_first_row(rows):
    return rows + [rows[1]]


@pytest.mark.parametrize(("corrupt", "message"), [
    pytest.param(_drop_column("unit"),
                 r"claims\.csv does not match[\s\S]*missing-label\] missing column\(s\) 'unit'",
                 id="missing-column"),
    pytest.param(_set_first_row("reported_value", "about ten"),
                 r"row 2, column 'reported_value': \[type-error\].*\(value 'about ten'\)",
                 id="wrong-type"),
    pytest.param(_repeat_first_row, r"\[(primary-key|unique-error)\]", id="duplicate-key"),
    pytest.param(_set_first_row("tolerance", "-1"),
                 r"row 2, column 'tolerance': \[constraint-error\].*minimum", id="out-of-range"),
    pytest.param(_set_first_row("source_id", "no-such-source"), r"row 2.*\[foreign-key\]",
                 id="unknown-source"),
])
def test_corrupted_claims_table_stops_with_a_named_error(data_copy, corrupt, message):
    _rewrite_claims(data_copy, corrupt)
    with pytest.raises(DataPackageError, match=message):
        datapackage.load_table("claims", data_copy / "datapackage.json")


@pytest.mark.parametrize("corrupt", [
    _drop_column("unit"), _repeat_first_row, _set_first_row("source_id", "no-such-source"),
    _set_first_row("reported_value", "about ten")],
    ids=["column-count", "duplicate-id", "unknown-source", "text-in-number"])
def test_update_refuses_to_record_the_checksum_of_an_invalid_table(data_copy, corrupt):
    descriptor_file = data_copy / "datapackage.json"
    before = descriptor_file.read_bytes()
    _rewrite_claims(data_copy, corrupt)
    descriptor_file.write_bytes(before)
    with pytest.raises(DataPackageError, match=r"checksums not recorded[\s\S]*claims\.csv"):
        datapackage.update_hashes(descriptor_file)
    assert descriptor_file.read_bytes() == before
    assert not list(data_copy.glob(".*candidate"))


def test_edited_file_without_new_checksum(data_copy):
    with (data_copy / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("extra,dataset,X,Y,,2025,,en,,\n")
    with pytest.raises(DataPackageError, match=r"sources\.csv: checksum .* differs .*claimsbook datapackage --update"):
        datapackage.load_table("sources", data_copy / "datapackage.json")


def test_a_certified_descriptor_is_validated_again_once_anything_in_it_changes(data_copy):
    """The certificate is a digest of the whole descriptor: a table re-hashed by hand
    (corrupt, so `--update` would refuse it) leaves it stale, and Frictionless runs."""
    descriptor_file = data_copy / "datapackage.json"
    assert datapackage.is_certified(datapackage.load_descriptor(descriptor_file))
    datapackage.check_certified(descriptor_file)
    _rewrite_claims(data_copy, _set_first_row("reported_value", "about ten"))
    assert not datapackage.is_certified(datapackage.load_descriptor(descriptor_file))
    with pytest.raises(DataPackageError, match=r"\[type-error\]"):
        datapackage.load_table("claims", descriptor_file)
    with pytest.raises(DataPackageError, match=r"changed since its tables were last validated"
                                               r".*claimsbook datapackage --update"):
        datapackage.check_certified(descriptor_file)


def test_a_schema_edited_by_hand_stops_the_build_until_update_certifies_it(data_copy):
    descriptor_file = data_copy / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    claims = next(r for r in descriptor["resources"] if r["name"] == "claims")
    claims["schema"]["fields"][0]["description"] += " (edited)"
    descriptor_file.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                               encoding="utf-8")
    with pytest.raises(DataPackageError, match="changed since its tables were last validated"):
        datapackage.check_certified(descriptor_file)
    assert datapackage.update_hashes(descriptor_file) == []
    assert datapackage.certify(descriptor_file) == []
    datapackage.check_certified(descriptor_file)


def test_certify_records_nothing_while_a_table_is_invalid(data_copy):
    descriptor_file = data_copy / "datapackage.json"
    _rewrite_claims(data_copy, _repeat_first_row)
    before = descriptor_file.read_bytes()
    problems = datapackage.certify(descriptor_file)
    assert len(problems) == 1 and "claims.csv" in problems[0]
    assert descriptor_file.read_bytes() == before
