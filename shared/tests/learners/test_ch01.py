"""A learner's chapter 1 (``ch01_first_steps``): `/` and `/health` only, a title, no tags.

It needs nothing but ``app``: every test of what it does passes, the others fail.
"""

EXPECTED_LOST = {
    # no /methods routes at all
    "test_main.py::test_each_http_method_has_its_own_path_operation[GET-200]",
    "test_main.py::test_each_http_method_has_its_own_path_operation[POST-201]",
    "test_main.py::test_each_http_method_has_its_own_path_operation[PUT-200]",
    "test_main.py::test_each_http_method_has_its_own_path_operation[PATCH-200]",
    "test_main.py::test_delete_answers_204_with_empty_body",
    "test_docs.py::test_openapi_lists_every_path_operation",  # /methods is not in the schema
    "test_docs.py::test_app_metadata_is_set",  # a title only: version 0.1.0, no description
    "test_docs.py::test_every_operation_has_a_declared_tag",  # no tags
}


def test_learner_loses_only_what_it_lacks(grade) -> None:
    result = grade("ch01", "shared.tests.learners.ch01_first_steps")
    assert result.errors == set()
    assert result.failed == EXPECTED_LOST
    assert result.earned == result.possible - sum(result.lost.values())
    assert result.earned == result.possible - 11  # 4 methods + DELETE + 2 + 2 + 2
