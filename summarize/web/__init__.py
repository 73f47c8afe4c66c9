"""The web: fetching pages under one set of rules (web/fetch.py), for URLs and, later, feeds."""
