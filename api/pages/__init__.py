"""The fact-checker's desk: server-rendered pages under / beside the API under /api/v1."""
