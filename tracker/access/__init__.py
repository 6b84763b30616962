"""Access: API keys, their roles, and who an action is done by."""
