"""tests/review/test_review_store.py on the Citus cluster, with its fixtures."""

import pytest

from tests.review.conftest import *  # noqa: F403
from tests.review.test_review_store import *  # noqa: F403

pytestmark = pytest.mark.citus
