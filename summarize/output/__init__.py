"""Briefs and results for readers: text, Markdown and JSON, tables, HTML pages and Atom (templates/)."""
