"""The store: documents, statements, sources and hops in PostgreSQL, written by one writer."""
