"""The build layer: the Sphinx extension, the ledger appendix, the site helpers and
the command line."""
