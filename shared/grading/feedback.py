"""What a learner lost and why, in Korean: per chapter, each lost test in the order of its file.

The same report goes to the terminal (after the grade table), ``reports/feedback.md`` and the
GitHub job summary. It is built from the results alone, so a CI matrix's merged results and a
batch of learners get it the same way.
"""

from __future__ import annotations

from .results import INFRA, GroupScore, TestResult, tier_scores

STATUS_WORDS = {"failed": "실패", "error": "오류", "skipped": "건너뜀"}


def lost_tests(results: list[TestResult], group: str) -> list[TestResult]:
    lost = [r for r in results if r.group == group and r.status != "passed"]
    return sorted(lost, key=lambda r: (r.nodeid.split("::", 1)[0], r.order, r.nodeid))


def reason_of(result: TestResult) -> str:
    return result.message or STATUS_WORDS.get(result.status, result.status)


def points(value: float) -> str:
    return f"{value:g}점"


def heading(group: str, gs: GroupScore, titles: dict[str, str], key: str) -> str:
    title = titles.get(group) or group
    return f"{key} {title}: {gs.earned:g}/{gs.possible:g}점"


def tier_summary(results: list[TestResult], group: str) -> str:
    """``교재 범위 27/27점 · 더 나아가기 15/208점``, or "" for a chapter without tiers."""
    tiers = tier_scores([r for r in results if r.group == group]).get(group, {})
    return " · ".join(f"{tier} {ts.earned:g}/{ts.possible:g}점" for tier, ts in tiers.items())


def what_of(result: TestResult, default: str) -> str:
    what = result.description or default
    return f"[{result.tier}] {what}" if result.tier else what


def render_text(
    groups: dict[str, GroupScore], results: list[TestResult], titles: dict[str, str]
) -> str:
    if all(group == INFRA for group in groups):
        return ""
    lines = ["", "=" * 30 + " 피드백 (feedback) " + "=" * 30]
    for group, gs in groups.items():
        if group == INFRA:
            continue
        key = results_key(results, group)
        lost = lost_tests(results, group)
        tiers = tier_summary(results, group)
        if not lost:
            lines.append(f"{heading(group, gs, titles, key)} — 모든 테스트를 통과했습니다")
            if tiers:
                lines.append(f"  {tiers}")
            continue
        lines.append(f"{heading(group, gs, titles, key)} — 잃은 점수 {gs.possible - gs.earned:g}점")
        if tiers:
            lines.append(f"  {tiers}")
        for result in lost:
            what = what_of(result, result.nodeid.rsplit("::", 1)[-1])
            lines.append(f"  -{points(result.points)}  {what}")
            lines.append(f"        {STATUS_WORDS.get(result.status, '')}: {reason_of(result)}")
            lines.append(f"        ({result.nodeid})")
    return "\n".join(lines)


def render_markdown(
    groups: dict[str, GroupScore], results: list[TestResult], titles: dict[str, str]
) -> str:
    out = ["# 피드백", ""]
    for group, gs in groups.items():
        if group == INFRA:
            continue
        key = results_key(results, group)
        lost = lost_tests(results, group)
        out.append(f"## {heading(group, gs, titles, key)}")
        out.append("")
        tiers = tier_summary(results, group)
        if tiers:
            out += [f"범위별 점수: {tiers}", ""]
        if not lost:
            out += ["모든 테스트를 통과했습니다.", ""]
            continue
        out += ["| 잃은 점수 | 무엇을 확인하나 | 이유 |", "|---:|---|---|"]
        for result in lost:
            what = what_of(result, result.nodeid).replace("|", "\\|")
            why = f"{STATUS_WORDS.get(result.status, '')}: {reason_of(result)}".replace("|", "\\|")
            out.append(f"| {points(result.points)} | {what}<br>`{result.nodeid}` | {why} |")
        out.append("")
    return "\n".join(out)


def results_key(results: list[TestResult], group: str) -> str:
    return next((r.chapter for r in results if r.group == group), group)
