"""One module per chapter: its analysis, sentence builders and charts."""
