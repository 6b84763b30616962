"""Review: fact-checkers' actions on statements, hops, sources and documents, audited."""
