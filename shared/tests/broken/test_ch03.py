"""Chapter 3's harness grades another solution: one without custom validators loses exactly them.

(Ours earning everything is what the grade table of every full run shows.)"""

VALIDATORS = {
    "test_validators.py::TestFieldValidators::test_name_is_stored_stripped",  # 2 points
    "test_validators.py::TestFieldValidators::test_blank_name_is_422[space]",
    "test_validators.py::TestFieldValidators::test_blank_name_is_422[spaces]",
    "test_validators.py::TestFieldValidators::test_blank_name_is_422[tab-newline]",
    "test_validators.py::TestFieldValidators::test_tags_are_normalized",
    "test_validators.py::TestFieldValidators::test_blank_tag_is_422",
    "test_validators.py::TestModelValidator::test_discount_not_below_price_is_422[equal]",
    "test_validators.py::TestModelValidator::test_discount_not_below_price_is_422[above]",
    "test_validators.py::TestModelValidator::test_rule_holds_on_put",
    "test_validators.py::test_validators_run_on_every_item_of_a_bulk_body",
}
LOST_POINTS = 11  # 2 for the stripped name, 1 for each other


def test_solution_without_validators_loses_exactly_the_validator_tests(grade) -> None:
    result = grade("ch03", "shared.tests.broken.ch03_validators")
    assert result.failed == VALIDATORS
    assert result.errors == set()
    assert result.earned == result.possible - LOST_POINTS
