"""tests/integration/test_concurrency.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_concurrency import *  # noqa: F403

pytestmark = pytest.mark.citus
