"""tests/integration/test_provenance.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.integration.test_provenance import *  # noqa: F403

pytestmark = pytest.mark.citus
