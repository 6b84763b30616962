"""The same statement across documents: quote identity, matching, links, appearances."""
