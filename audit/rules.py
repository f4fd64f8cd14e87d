"""Rules: the stable ids CI findings carry, what each means and how to act on it.

AUD1xx wording changed between an original and its repost (one per change kind),
AUD2xx casualty figures, AUD3xx matching. Ids never change meaning; a retired rule's
id is not reused.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import Kind, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of finding: id, short name, severity, what it means, what to do."""

    id: str
    name: str
    severity: Severity
    summary: str
    help: str


RULES: tuple[Rule, ...] = (
    Rule(
        "AUD101", "unsupported-term", Severity.HIGH,
        "The repost uses wording that the original's headline and body never use.",
        "Compare the two texts on the article page. Inserted loaded terms (a label put in "
        "place of a named actor, a religious or ideological epithet) alter the report; if "
        "the wording is a harmless paraphrase, accept the finding in the baseline.",
    ),
    Rule(
        "AUD102", "substitution", Severity.MEDIUM,
        "A named actor or group of the original is replaced by other wording (when that "
        "wording is itself unsupported, the one finding is AUD101, which says so).",
        "Check who the original names and who the repost names instead. Restore the "
        "original actor, or accept the finding if the new wording names the same actor.",
    ),
    Rule(
        "AUD103", "hedge-removed", Severity.MEDIUM,
        "A qualifier or attribution of the original (at least, reportedly, officials "
        "said, report says) is dropped, so the claim reads as established fact.",
        "Restore the hedge or the attribution; a claim the original attributes must stay "
        "attributed.",
    ),
    Rule(
        "AUD104", "agency-changed", Severity.HIGH,
        "Who does what to whom changes (against, by, from, targeting ...).",
        "Read both sentences: a reversed or shifted agent changes who is blamed. Restore "
        "the original's wording.",
    ),
    Rule(
        "AUD105", "meaning-inverted", Severity.HIGH,
        "A negation is added or removed, so the repost may say the opposite.",
        "Compare the two sentences word by word and restore the original's polarity.",
    ),
    Rule(
        "AUD106", "wording", Severity.LOW,
        "Other changed wording, or a whole sentence cut from the body.",
        "Usually harmless editing; review it when it sits next to other findings.",
    ),
    Rule(
        "AUD107", "recast", Severity.MEDIUM,
        "Almost nothing of the original headline survives: the repost replaced it whole.",
        "Read the old and the new headline side by side on the article page; a recast that "
        "states what the original asked, or names another actor, misreports it.",
    ),
    Rule(
        "AUD108", "headline-unsupported", Severity.MEDIUM,
        "No original is known, and the headline uses a rare term or an appended tag that "
        "its own body never uses (weaker evidence than a compared original).",
        "Find the outlet's original (add it with --reference or `audit index add`) and "
        "compare; if the body supports the term after all, accept it in the baseline.",
    ),
    Rule(
        "AUD109", "versions-differ", Severity.LOW,
        "Two inputs carry the same article in different wording, and which came first is "
        "unknown (no quoted headline, no dates or attribution that tell).",
        "Read both versions side by side on the article page; find out which was published "
        "first (add dated originals with --reference or `audit index add`).",
    ),
    Rule(
        "AUD201", "figure-changed", Severity.HIGH,
        "A number or vague quantity of the original changes value or qualifier "
        "(At least 7 dead -> Seven dead).",
        "Restore the original's figure and its qualifier; a casualty toll must be "
        "relayed as the source reported it.",
    ),
    Rule(
        "AUD202", "figures-disagree", Severity.MEDIUM,
        "Outlets reporting the same event give different casualty figures.",
        "Not an error of the file itself: cite the range and the sources, or the "
        "conservative consensus shown on the events page, rather than one outlet's figure.",
    ),
    Rule(
        "AUD301", "no-original", Severity.LOW,
        "A repost quotes an original headline but no matching original text was found "
        "among the inputs, references or the index.",
        "Add the outlet's article to the index (`audit index add`) so its body can be "
        "compared too.",
    ),
)  # fmt: skip

_BY_ID = {rule.id: rule for rule in RULES}
_BY_NAME = {rule.name: rule for rule in RULES}
# The rule of each change kind; a change with several kinds raises several findings.
KIND_RULES: dict[Kind, Rule] = {kind: _BY_NAME[kind.value] for kind in Kind}
# An unsupported term found by comparing a headline with its own body only.
OWN_BODY_RULE = _BY_NAME["headline-unsupported"]
# A difference from another version of unknown order.
VERSION_RULE = _BY_NAME["versions-differ"]


def rule(key: str) -> Rule:
    """A rule by id (AUD101) or name (unsupported-term), case-insensitive."""
    found = _BY_ID.get(key.upper()) or _BY_NAME.get(key.lower())
    if found is None:
        raise KeyError(key)
    return found


def explain(key: str) -> str:
    """The text `audit explain RULE` prints."""
    r = rule(key)
    return f"{r.id} {r.name} (severity {r.severity.value})\n\n{r.summary}\n\nWhat to do: {r.help}\n"
