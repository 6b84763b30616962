"""tests/integration/test_cli.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_cli import *  # noqa: F403

pytestmark = pytest.mark.citus
