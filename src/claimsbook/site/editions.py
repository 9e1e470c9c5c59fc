"""The book's editions: English at the site root, Simplified Chinese under ``zh/``.

Both are built by Jupyter Book from the same notebooks and data. The Chinese edition
is the English configuration with a few settings changed (:func:`edition_config`):
Sphinx's ``language`` (which translates the pages' prose from the catalogs in
``locales/``, see :mod:`claimsbook.site.translations`), the title, the search box and
the public address. Its chapters are the same executions as the English edition's:
their outputs are views (:mod:`claimsbook.core.views`) that its Sphinx process renders
in Chinese, every sentence, label and chart the package writes included. Its build
lives in ``_build/zh/_build`` (verdicts and chart data in Chinese); the finished pages
are copied into ``_build/html/zh`` for publishing.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from ..core import i18n, settings
from ..core.paths import build_dir, edition_build_dir, project_root

CONFIG = "_config.yml"
# Settings of the Chinese edition that differ from the English one.
CHINESE = {
    "title": "数字核查：四份报告里的数字",
    "author": "本书贡献者",
    "html.search_bar_text": "搜索本书",
    # myst-nb's words on the code toggles (a setting, not a catalog message).
    "nb_code_prompt_show": "显示代码",
    "nb_code_prompt_hide": "隐藏代码",
}


def html_dir(lang: str) -> Path:
    """Where one edition's pages are published in the site."""
    folder = i18n.EDITION_FOLDER[lang]
    site = build_dir() / "html"
    return site / folder if folder else site


def _base_config(root: Path) -> dict[str, Any]:
    return yaml.safe_load((root / CONFIG).read_text(encoding="utf-8"))


def edition_config(lang: str, root: Path | None = None, builder: str = "html") -> Path:
    """The Jupyter Book configuration of one edition, written under its build folder
    (the English edition's is ``_config.yml`` itself, unless a builder other than HTML
    asks for changes)."""
    root = root or project_root()
    if lang == i18n.ENGLISH and builder == "html":
        return root / CONFIG
    config = copy.deepcopy(_base_config(root))
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    if builder == "gettext":
        # The prose's messages do not depend on the cells' outputs: execute nothing.
        config["execute"]["execute_notebooks"] = "off"
        sphinx["gettext_compact"] = False  # one catalog per page
        # Without executing, glue references find no outputs; the messages are the same.
        sphinx["suppress_warnings"] = [*sphinx.get("suppress_warnings", []), "mystnb.glue"]
    if lang != i18n.ENGLISH:
        folder = i18n.EDITION_FOLDER[lang]
        sphinx["language"] = lang
        sphinx["locale_dirs"] = [str(compiled_locales_dir())]
        sphinx["gettext_compact"] = False
        # The chapters execute once, for every edition: one cache (see core.views).
        sphinx["nb_execution_cache_path"] = str(build_dir() / ".jupyter_cache")
        config["title"] = CHINESE["title"]
        config["author"] = CHINESE["author"]
        sphinx["project"] = CHINESE["title"]
        sphinx["nb_code_prompt_show"] = CHINESE["nb_code_prompt_show"]
        sphinx["nb_code_prompt_hide"] = CHINESE["nb_code_prompt_hide"]
        sphinx.setdefault("html_theme_options", {})["search_bar_text"] = \
            CHINESE["html.search_bar_text"]
        base = config.get("html", {}).get("baseurl", "")
        if base:
            config["html"]["baseurl"] = base.rstrip("/") + f"/{folder}/"
    out = edition_build_dir(lang) if builder == "html" else build_dir() / builder
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"_config.{lang}.{builder}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def compiled_locales_dir() -> Path:
    """Where the pages' catalogs are compiled for Sphinx (see
    :func:`claimsbook.site.translations.compile_pages`)."""
    return build_dir() / "locales"


def build_command(lang: str, root: Path, extra: list[str]) -> list[str]:
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", ".", "--config", str(edition_config(lang, root))]
    if lang != i18n.ENGLISH:
        command += ["--path-output", str(edition_build_dir(lang).parent)]
    return command + extra


def build(lang: str, root: Path, every_page: bool = False) -> str | None:
    """One edition's Jupyter Book build (Sphinx in its language), published into the site;
    its output goes to a log (the terminal gets one line per stage) unless verbose.
    Returns what went wrong, or None."""
    extra = ["-n", "-W", "--keep-going", *(["--all"] if every_page else [])]
    env = dict(settings.environment(**{i18n.LANG_ENV: lang}))
    log = None if settings.verbose() else build_dir() / "logs" / f"sphinx-{lang}.log"
    if log is None:
        failed = subprocess.run(build_command(lang, root, extra), cwd=root, env=env).returncode
    else:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("wb") as handle:
            failed = subprocess.run(build_command(lang, root, extra), cwd=root, env=env,
                                    stdout=handle, stderr=subprocess.STDOUT).returncode
    if failed:
        excerpt = f"\n{log_excerpt(log)}\nfull log: {log} (or make book V=1)" if log else ""
        return f"the build of the {lang} edition failed{excerpt}"
    publish_edition(lang)
    return None


# Lines of a Sphinx log that say what went wrong (the rest is progress).
_PROBLEM = re.compile(r"WARNING|ERROR|Error|Exception|Traceback|raise |failed")
_NOISE = re.compile(r"Kernel is running over TCP|MdParserConfig|NbParserConfig")


def log_excerpt(log: Path, lines: int = 25) -> str:
    """The lines of a failed build's log that name its problem, newest last."""
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    found = [line for line in text if _PROBLEM.search(line) and not _NOISE.search(line)]
    return "\n".join((found or text)[-lines:])


def publish_edition(lang: str) -> None:
    """Copy a translated edition's pages into the site, under its folder."""
    if lang == i18n.ENGLISH:
        return
    built = edition_build_dir(lang) / "html"
    target = html_dir(lang)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(built, target)
    # The edition's verdicts (claim and reasons in its language) beside the English
    # verdicts.csv at the site's root: verdicts.zh.csv.
    verdicts = target / "verdicts.csv"
    if verdicts.is_file():
        folder = i18n.EDITION_FOLDER[lang]
        shutil.copyfile(verdicts, html_dir(i18n.ENGLISH) / f"verdicts.{folder}.csv")
