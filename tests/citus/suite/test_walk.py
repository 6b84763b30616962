"""tests/integration/test_walk.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_walk import *  # noqa: F403

pytestmark = pytest.mark.citus
