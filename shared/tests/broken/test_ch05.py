"""Chapter 5's harness: a store without its lock loses exactly the concurrency points.

(The variant's storage is slow on purpose, so the races it allows happen on every run.)"""

from shared.tests.conftest import IN_PARALLEL

NO_LOCK = "shared.tests.broken.ch05_no_lock"
CONCURRENCY = {
    "test_concurrency.py::test_concurrent_creates_get_distinct_ids_and_all_are_kept",  # 3
    "test_concurrency.py::test_ids_stay_unique_while_items_are_deleted_and_created",  # 2
    "test_concurrency.py::test_concurrent_creates_of_one_name_make_one_item",  # 2
    "test_concurrency.py::test_concurrent_patches_of_one_item_lose_no_update",  # 3
    "test_concurrency.py::test_concurrent_purchases_never_oversell",  # 2
    "test_server.py::test_a_real_server_serves_crud_and_keeps_concurrent_changes",  # 2
    # every create checks the name before any stores it: several 201s for one name
    "test_server.py::test_simultaneous_creates_of_one_name_give_one_201_and_409s",  # 2
}


# The suite in two parts, each on two workers (the slow storage's reads make it long): the files
# of the concurrency tests, and every other file, where the unlocked store loses nothing.
CONCURRENCY_FILES = ("test_concurrency.py", "test_server.py")


def test_unlocked_store_loses_exactly_the_concurrency_points(grade) -> None:
    result = grade("ch05", NO_LOCK, *IN_PARALLEL, files=CONCURRENCY_FILES)
    assert result.failed == CONCURRENCY
    assert result.errors == set()
    assert result.earned == result.possible - 16


def test_unlocked_store_loses_nothing_else(grade) -> None:
    result = grade("ch05", NO_LOCK, *IN_PARALLEL, ignore=CONCURRENCY_FILES)
    assert result.failed == set()
    assert result.earned == result.possible > 0
