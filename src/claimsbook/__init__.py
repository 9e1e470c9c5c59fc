"""claimsbook: the tested logic behind the claims book, in three layers.

* :mod:`claimsbook.core` — the data package, the claim ledger, parameters, charts and
  the :class:`~claimsbook.core.chapter.Chapter` a notebook works through;
* :mod:`claimsbook.chapters` — one module per chapter: its analysis, sentences and charts;
* :mod:`claimsbook.site` — the Sphinx extension, the ledger appendix, the site helpers
  and the command line.
"""

__version__ = "0.1.0"
