"""The walk: a statement's chain followed across documents to its primary sources."""
