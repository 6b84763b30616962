"""tests/desk/test_review_pages.py on the Citus cluster (see conftest.py)."""

import pytest

from tests.desk.conftest import *  # noqa: F403
from tests.desk.test_review_pages import *  # noqa: F403

pytestmark = pytest.mark.citus
