"""Chapter 10 written from its README alone earns every point."""

from pathlib import Path

from shared.tests.readme import copied


def test_the_readme_only_solution_earns_every_point(grade, tmp_path: Path) -> None:
    result = grade("ch10", str(copied("ch10", tmp_path)), cwd=tmp_path)
    assert result.failed == set(), result.messages
    assert result.earned == result.possible
