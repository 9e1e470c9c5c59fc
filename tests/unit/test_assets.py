"""Page weight after the build: one stylesheet bundle per page, unused icon rules out;
meta descriptions from the page's own first paragraph."""

from __future__ import annotations

from pathlib import Path

from docutils.core import publish_doctree

from claimsbook.site import assets, pagemeta


def _site(parent: Path) -> Path:
    root = parent / "site"
    root.mkdir()
    static = root / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "basic.css").write_text(".b { color: red }\n")
    (static / "styles" / "theme.css").write_text(
        '@import "../basic.css";\n.t { background: url(../img/x.png) }\n'
        '.fa-bars:before{content:"a"}.fa-unused:before{content:"b"}\n'
        '.x .fa-unused{color:red}.kept{color:blue}@media (min-width:1px){.gone{a:b}.kept{c:d}}\n'
        '\n/*! banner https://example.com */@media (min-width:2px){.kept{e:f}}\n')
    (static / "own.css").write_text(".o { margin: 0 }\n")
    (root / "chapters").mkdir()
    head = ('<link href="{p}_static/styles/theme.css?digest=1" rel="stylesheet" />\n'
            '<link rel="stylesheet" type="text/css" href="{p}_static/own.css?v=2" />\n')
    (root / "index.html").write_text(
        f"<head>{head.format(p='')}</head><i class='fa-bars kept x'></i><p class='o b t'>")
    (root / "chapters" / "a.html").write_text(f"<head>{head.format(p='../')}</head>")
    return root


def test_one_bundle_per_page_with_imports_inlined_urls_rebased_and_icons_pruned(tmp_path):
    site = _site(tmp_path)
    assert assets.bundle_styles(site, tmp_path / "bundles.json") == 2
    (bundle,) = sorted((site / "_static").glob("claimsbook-styles.*.css"))
    css = bundle.read_text()
    assert ".b{ color: red }" in css and ".o{ margin: 0 }" in css
    assert "url(img/x.png)" in css  # relative to _static/, where the bundle lives
    assert "fa-bars" in css and "fa-unused" not in css
    # A dropped rule takes nothing of its neighbours with it.
    assert ".kept{color:blue}" in css and "@media (min-width:1px){.kept{c:d}}" in css
    assert ".gone" not in css and "@media (min-width:2px){.kept{e:f}}" in css
    page = (site / "chapters" / "a.html").read_text()
    assert page.count("stylesheet") == 1 and f'href="../_static/{bundle.name}"' in page
    assert f'href="_static/{bundle.name}"' in (site / "index.html").read_text()


def test_meta_description_is_the_first_paragraph_shortened_at_a_word():
    doctree = publish_doctree("Title\n=====\n\n" + "A first paragraph of prose that says "
                              "what the page is about, long enough to describe it. " * 3)
    text = pagemeta.first_paragraph(doctree)
    assert text.startswith("A first paragraph")
    short = pagemeta.shorten(text)
    assert len(short) <= pagemeta.DESCRIPTION_CHARS and short.endswith("…")
    tags = pagemeta.meta_tags("T <b>", short, "https://example.org/p.html", "Book")
    assert '<meta name="description"' in tags and "T &lt;b&gt;" in tags
    assert '<meta property="og:url" content="https://example.org/p.html">' in tags


def test_a_second_pass_keeps_the_bundle_pages_already_link_and_drops_orphans(tmp_path):
    site = _site(tmp_path)
    assets.bundle_styles(site, tmp_path / "bundles.json")
    (bundle,) = (site / "_static").glob("claimsbook-styles.*.css")
    orphan = site / "_static" / "claimsbook-styles.000000000000.css"
    orphan.write_text("")
    bundle.unlink()  # even a bundle that went missing is remade from its recorded sources
    # An incremental rebuild rewrites no page: every page already links one bundle.
    assert assets.bundle_styles(site, tmp_path / "bundles.json") == 0
    assert bundle.is_file() and ".kept{color:blue}" in bundle.read_text()
    assert not orphan.exists()


def test_the_documentation_options_script_is_inlined(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "documentation_options.js").write_text("const D = {A: 1};")
    (tmp_path / "p.html").write_text(
        '<head><script src="_static/documentation_options.js?v=1"></script>'
        "<script>D.pagename = 'p';</script></head>")
    assert assets.inline_sync_script(tmp_path) == 1
    assert (tmp_path / "p.html").read_text() == (
        "<head><script>const D = {A: 1};</script><script>D.pagename = 'p';</script></head>")
    assert assets.inline_sync_script(tmp_path) == 0


def test_controls_are_named_by_the_words_they_show(tmp_path):
    """WCAG 2.5.3: the search field and the code toggles lose the aria-label that hid
    their visible words; the icon-only search button keeps its own."""
    (tmp_path / "p.html").write_text(
        '<button class="btn search-button-field search-button__button" title="Search" '
        'aria-label="Search" data-x="1"><span>Search</span><kbd>Ctrl</kbd>+<kbd>K</kbd></button>'
        '<button class="btn btn-sm search-button" title="Search" aria-label="Search"></button>'
        '<summary aria-label="Toggle hidden content"><p class="collapsed">Show code cell '
        'source</p></summary>')
    assert assets.label_in_name(tmp_path) == 1
    text = (tmp_path / "p.html").read_text()
    assert text.count('aria-label="Search"') == 1 and "Toggle hidden content" not in text
    assert '<summary><p class="collapsed">' in text
    assert assets.label_in_name(tmp_path) == 0
