import json

import pandas as pd
import pytest

from claimsbook.extracts import manifest_path, read_source, sha256_hex, write_extract


def test_write_extract_writes_table_and_manifest(tmp_path, capsys):
    out = tmp_path / "cluster" / "scores.csv"
    table = pd.DataFrame({"model": ["a", "b"], "score": [1.5, 2.0]})
    manifest = write_extract(
        table, out, source_url="https://example.org/scores.csv", licence="CC-BY-4.0",
        snapshot_date="2025-01-31", input_sha256=sha256_hex(b"raw"), retrieved_from="local.csv",
        script="scripts/x.py", note="a note comes last",
    )
    assert out.read_bytes() == b"model,score\na,1.5\nb,2.0\n"
    written = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    assert written == manifest
    assert manifest_path(out).name == "scores.manifest.json"
    assert written["rows"] == 2 and written["licence"] == "CC-BY-4.0"
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
