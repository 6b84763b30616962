"""tests/integration/test_reports.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_reports import *  # noqa: F403

pytestmark = pytest.mark.citus
