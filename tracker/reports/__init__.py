"""Citation-chain reports and exports: what they hold, and the formats they render to."""
