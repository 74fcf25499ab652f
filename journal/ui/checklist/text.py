"""The checklist's sentences in the user's language: the domain's English templates, translated
here (context "Checklist"), then filled in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from journal.domain.checklist import PART_NAMES, TEMPLATES, Finding, Rule


def tr(text: str) -> str:
    return QCoreApplication.translate("Checklist", text)


def finding_text(finding: Finding) -> str:
    """A gap's or a hint's sentence."""
    parts = {key: tr(name) for key, name in PART_NAMES.items() if key in finding.parts}
    return finding.message(tr(TEMPLATES[finding.code]), parts, tr("and"))


def rule_title(rule: Rule) -> str:
    return tr(rule.title)


def rule_summary(rule: Rule) -> str:
    return tr(rule.summary)


def gap_count(n: int) -> str:
    return tr("1 gap") if n == 1 else tr("%1 gaps").replace("%1", f"{n:,}")


# What a gap's `field` puts the cursor on, for the tooltip.
_FIELD_NAMES = {
    "mentor_id": "the mentor", "goals": "the goals", "outcome": "the outcome",
    "target_on": "the target date", "check_ins": "the check-ins", "situation": "the situation",
    "behavior": "the behavior", "impact": "the impact", "status": "the status",
    "decision_record_id": "the decision record", "frame": "the frame", "numbers": "the numbers",
    "one_sentence": "the one-sentence version", "decision_maker_id": "the decision-maker",
    "decision": "the decision", "tradeoff": "the trade-off", "owners": "the owners",
    "contact_id": "the point of contact", "contacts": "the contact log",
    "sessions": "the sessions", "problem": "the problem", "alternatives": "the alternatives",
    "failure_modes": "the failure modes", "reversibility": "reversibility",
    "operational_cost": "the operational cost",
    "compliance_security": "compliance and security",
}


def open_tip(finding: Finding) -> str:
    where = _FIELD_NAMES.get(finding.field or "")
    if where:
        return tr("Click or press Enter to open it at %1.").replace("%1", tr(where))
    return tr("Click or press Enter to open it.")

