"""What runs many briefs: the nightly run and its story grouping, compare, and evaluation."""
