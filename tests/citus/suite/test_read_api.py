"""tests/api/test_read_api.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.api.conftest import *  # noqa: F403
from tests.api.test_read_api import *  # noqa: F403

pytestmark = pytest.mark.citus
