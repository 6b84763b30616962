"""tests/review/test_delete.py and test_ingest_audit.py on the Citus cluster: a document's
rows go from its shard, the lookup tables forget it, links into it go from every shard."""

import pytest

from tests.review.conftest import *  # noqa: F403
from tests.review.test_delete import *  # noqa: F403
from tests.review.test_ingest_audit import *  # noqa: F403

pytestmark = pytest.mark.citus
