"""tests/api/test_pages.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.api.conftest import *  # noqa: F403
from tests.api.test_pages import *  # noqa: F403

pytestmark = pytest.mark.citus
