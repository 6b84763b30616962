"""tests/integration/test_concurrent_writes.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_concurrent_writes import *  # noqa: F403

pytestmark = pytest.mark.citus
