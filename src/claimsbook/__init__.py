"""claimsbook: the tested logic behind the claims book.

Chapters stay thin: they load validated tables (:mod:`claimsbook.datapackage`),
validate their parameters (:mod:`claimsbook.params`), check claims against
computed values (:mod:`claimsbook.ledger`) and draw charts
(:mod:`claimsbook.charts`), all through :class:`claimsbook.chapter.Chapter`.
"""

__version__ = "0.1.0"
