"""tests/integration/test_write_rules.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_write_rules import *  # noqa: F403

pytestmark = pytest.mark.citus
