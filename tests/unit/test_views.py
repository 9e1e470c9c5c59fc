"""Outputs computed once and rendered in each edition's language (claimsbook.core.views)."""

from __future__ import annotations

import pandas as pd
import pytest

from claimsbook.core import settings, views
from claimsbook.core.chapter import Chapter, glue
from claimsbook.core.i18n import CHINESE, ENGLISH, _
from claimsbook.core.views import ViewError, later


def source_line(source: str) -> str:
    return _("Source: {source}").format(source=source)


def rows(frame: pd.DataFrame) -> int:
    return len(frame)


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(views, "store_dir", lambda: tmp_path)
    return tmp_path


def test_a_view_is_rendered_in_the_language_asked_for():
    view = later(source_line, "Epoch AI")
    assert view.render(ENGLISH) == "Source: Epoch AI"
    assert view.render(CHINESE) == "来源：Epoch AI"


def test_a_view_read_back_from_its_payload_renders_in_each_language(store):
    payload = later(source_line, later(str.upper, "epoch")).payload()
    assert views.render_payload(payload, ENGLISH) == "Source: EPOCH"
    assert views.render_payload(payload, CHINESE) == "来源：EPOCH"


def test_a_large_table_is_stored_once_however_many_views_use_it(store):
    frame = pd.DataFrame({"value": range(5000)})
    first, second = later(rows, frame).payload(), later(rows, frame).payload()
    assert len(list(store.glob("*.pickle"))) == 1  # the table, once
    assert len(first["pickle"]) < 1000 and len(second["pickle"]) < 1000
    assert views.render_payload(second, ENGLISH) == 5000


def test_a_missing_stored_table_names_the_file_and_what_to_do(store):
    payload = later(rows, pd.DataFrame({"value": range(5000)})).payload()
    for path in store.glob("*.pickle"):
        path.unlink()
    views._stored.cache_clear()
    views._unpickle.cache_clear()
    with pytest.raises(ViewError, match=r"/[0-9a-f]+\.pickle\); delete _build/.jupyter_cache"):
        views.render_payload(payload, ENGLISH)


def test_a_payload_of_another_version_is_refused(store):
    payload = {**later(rows, pd.DataFrame()).payload(), "version": 0}
    with pytest.raises(ViewError, match="re-execute"):
        views.from_payload(payload)


def test_the_book_reads_the_payload_and_a_notebook_reader_an_english_preview():
    view = later(source_line, "Epoch AI")
    with settings.use(previews=False):
        data = view._repr_mimebundle_()
    assert set(data) == {views.MIME, "text/plain"} and "Source" not in data["text/plain"]
    with settings.use(previews=True, language=CHINESE):
        assert view._repr_mimebundle_()["text/plain"] == "Source: Epoch AI"


def test_glue_refuses_a_text_written_in_the_kernels_language():
    with pytest.raises(TypeError, match="later\\(function, \\*args\\)"):
        glue("label", source_line("Epoch AI"))


def test_glue_takes_a_view_of_a_text_and_refuses_a_view_of_anything_else():
    with pytest.raises(TypeError, match="not a text for prose"):
        views.glueable(later(rows, pd.DataFrame()))
    glued = views.glueable(later(source_line, "Epoch AI"))
    assert glued._repr_mimebundle_()["text/plain"] == "Source: Epoch AI"


def test_a_chapter_records_views_of_its_values_not_values_written_in_one_language():
    chapter = Chapter("01-ai-index")
    with pytest.raises(TypeError, match="later\\(function, \\*args\\)"):
        chapter.record([])  # type: ignore[arg-type]
