"""The Sphinx extension: what it removes from pages (when a chapter re-executes: test_execution)."""

def test_the_theme_font_awesome_script_tag_is_removed(tmp_path):
    from claimsbook.site.sphinxext import drop_fontawesome_script

    page = tmp_path / "chapters" / "a.html"
    page.parent.mkdir()
    page.write_text('<head><link href="x.css" rel="stylesheet" />\n  <script defer '
                    'src="../_static/scripts/fontawesome.js?digest=1"></script>\n'
                    '  <script src="../_static/claimsbook.js"></script></head>', encoding="utf-8")
    (tmp_path / "b.html").write_text("<head></head>", encoding="utf-8")
    assert drop_fontawesome_script(tmp_path) == 1
    text = page.read_text(encoding="utf-8")
    assert "fontawesome" not in text and "claimsbook.js" in text and "x.css" in text


def test_the_landing_page_is_the_root_page_not_a_redirect(tmp_path):
    from claimsbook.site.sphinxext import serve_landing_page

    (tmp_path / "intro.html").write_text("<html>the book</html>", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<meta http-equiv="Refresh" content="0; url=intro.html" />', encoding="utf-8")
    assert serve_landing_page(tmp_path, "intro")
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "<html>the book</html>"
    # An incremental build rewrites the root page but leaves index.html: copied again.
    (tmp_path / "intro.html").write_text("<html>the book, revised</html>", encoding="utf-8")
    assert serve_landing_page(tmp_path, "intro")
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "<html>the book, revised</html>"


def test_an_edited_package_stylesheet_reaches_an_incremental_build(tmp_path):
    from claimsbook.site.sphinxext import PACKAGE_STATIC, refresh_package_static

    (tmp_path / "_static").mkdir()
    stale = tmp_path / "_static" / "claimsbook.css"
    stale.write_text("/* an older build's copy */", encoding="utf-8")
    assert "claimsbook.css" in refresh_package_static(tmp_path)
    assert stale.read_bytes() == (PACKAGE_STATIC / "claimsbook.css").read_bytes()
    assert "claimsbook.css" not in refresh_package_static(tmp_path)  # now current


def test_edition_addresses_are_absolute_when_the_site_address_is_known():
    from claimsbook.site.pagemeta import edition_href, edition_url

    base = "https://example.org/book/"
    assert edition_url(base, "chapters/01", "en", "zh_CN") == \
        "https://example.org/book/zh/chapters/01.html"
    assert edition_url(base + "zh/", "chapters/01", "zh_CN", "en") == \
        "https://example.org/book/chapters/01.html"
    assert edition_url(base + "zh/", "intro", "zh_CN", "zh_CN") == \
        "https://example.org/book/zh/intro.html"
    assert edition_url("", "intro", "en", "zh_CN") == ""
    assert edition_href("chapters/01", "zh_CN", "en") == "../../chapters/01.html"
