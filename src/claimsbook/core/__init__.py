"""The core every chapter stands on: the data package, the claim ledger, parameters,
charts and the ``Chapter`` object a notebook works through."""
