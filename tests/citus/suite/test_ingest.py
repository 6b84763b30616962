"""tests/integration/test_ingest.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_ingest import *  # noqa: F403

pytestmark = pytest.mark.citus
