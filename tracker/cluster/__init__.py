"""A local Citus cluster (a coordinator and two workers) for development and tests."""
