"""HTTP controllers, one per resource; each handler calls one TrackerService method."""
