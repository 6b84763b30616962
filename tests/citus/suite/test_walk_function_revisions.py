"""tests/integration/test_walk_function_revisions.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_walk_function_revisions import *  # noqa: F403

pytestmark = pytest.mark.citus
