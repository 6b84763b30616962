"""tests/desk/test_sessions.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.desk.conftest import *  # noqa: F403
from tests.desk.test_sessions import *  # noqa: F403

pytestmark = pytest.mark.citus
