"""tests/api/test_reports_api.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.api.conftest import *  # noqa: F403
from tests.api.test_reports_api import *  # noqa: F403

pytestmark = pytest.mark.citus
