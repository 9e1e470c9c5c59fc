import json

import pandas as pd
import pytest

from claimsbook.core.extracts import Origin, manifest_path, read_source, sha256_hex, write_extract

ORIGIN = Origin(
    producer="Someone", title="Scores", producer_url="https://example.org/",
    download_url="https://example.org/v1/scores.csv", licence="CC-BY-4.0",
    citation="Someone (2025)", published_on="2025-02-01", snapshot_date="2025-01-31")


def test_write_extract_writes_table_and_manifest(tmp_path, capsys):
    out = tmp_path / "cluster" / "scores.csv"
    table = pd.DataFrame({"model": ["a", "b"], "score": [1.5, 2.0]})
    manifest = write_extract(
        table, out, origin=ORIGIN, input_sha256=sha256_hex(b"raw"), script="scripts/x.py",
        note="a note comes last",
    )
    assert out.read_bytes() == b"model,score\na,1.5\nb,2.0\n"
    written = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    assert written == manifest
    assert manifest_path(out).name == "scores.manifest.json"
    assert written["rows"] == 2 and written["licence"] == "CC-BY-4.0"
    assert written["source_url"] == ORIGIN.download_url and written["citation"] == "Someone (2025)"
    assert written["published_on"] == "2025-02-01" and written["snapshot_date"] == "2025-01-31"
    # Written outside the book: only the file's name, never the machine's folders.
    assert written["output"] == "scores.csv" and str(tmp_path) not in manifest_path(out).read_text()
    assert list(written)[-1] == "note"
    assert "wrote 2 rows" in capsys.readouterr().out


def test_sha256_over_several_parts_is_their_concatenation():
    assert sha256_hex(b"ab", b"c") == sha256_hex(b"abc")
    assert sha256_hex(b"abc") != sha256_hex(b"abd")


def test_read_source_names_what_is_missing(tmp_path):
    (tmp_path / "here.csv").write_bytes(b"x\n1\n")
    assert read_source(str(tmp_path / "here.csv")) == b"x\n1\n"
    with pytest.raises(FileNotFoundError, match="nowhere.csv: no such file, and not an http"):
        read_source(str(tmp_path / "nowhere.csv"))


def test_one_file_main_reads_tidies_and_records(tmp_path):
    from claimsbook.core.extracts import one_file_main

    upstream = tmp_path / "upstream.csv"
    upstream.write_text("Model,score\nb,2\na,1\n", encoding="utf-8")
    out = tmp_path / "data" / "tidy.csv"
    manifest = one_file_main(
        "x", origin=ORIGIN, default_out=tmp_path / "unused.csv",
        tidy=lambda frame: frame.sort_values("Model"), script="scripts/x.py",
        argv=["--from", str(upstream), "--out", str(out)])
    assert out.read_text(encoding="utf-8") == "Model,score\na,1\nb,2\n"
    assert manifest["input_sha256"] == sha256_hex(upstream.read_bytes())
    assert str(upstream) not in str(manifest) and "retrieved_on" not in manifest
    assert not (tmp_path / "unused.csv").exists()
