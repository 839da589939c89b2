"""schema.org JSON-LD for a `HealthArticle`: a `MedicalWebPage` about a `MedicalCondition`.

Only schema.org type and property names are used (a test checks them against the vocabulary).
Pure mapping; no I/O.
"""

from __future__ import annotations

from typing import Any

from schemas.article import HealthArticle

JsonObj = dict[str, Any]

# Record list field -> (MedicalCondition property, schema.org type of each item).
# Why these: they are the MedicalCondition properties whose ranges fit the record's lists.
CONDITION_LISTS: tuple[tuple[str, str, str], ...] = (
    ("risk_factors", "riskFactor", "MedicalRiskFactor"),
    ("signs", "signOrSymptom", "MedicalSignOrSymptom"),
    ("treatment", "possibleTreatment", "MedicalTherapy"),
    ("prevention", "primaryPrevention", "MedicalTherapy"),
    ("diagnosis", "typicalTest", "MedicalTest"),
)


def _named(kind: str, name: str, **extra: Any) -> JsonObj:
    obj: JsonObj = {"@type": kind, "name": name}
    obj.update({k: v for k, v in extra.items() if v})
    return obj


def _condition(article: HealthArticle) -> JsonObj:
    condition: JsonObj = {"@type": "MedicalCondition", "name": article.title}
    if article.definition:
        condition["description"] = article.definition
    if article.causes:
        condition["cause"] = [
            _named("MedicalCause", c.name, description=c.description) for c in article.causes
        ]
    for field, prop, kind in CONDITION_LISTS:
        items: list[str] = getattr(article, field)
        if items:
            condition[prop] = [_named(kind, item) for item in items]
    if article.complications:
        condition["possibleComplication"] = list(article.complications)
    return condition


def to_jsonld(article: HealthArticle) -> JsonObj:
    """Map the record to a schema.org `MedicalWebPage` JSON-LD object."""
    page: JsonObj = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": article.canonical_url,
        "url": article.canonical_url,
        "name": article.title,
        "about": _condition(article),
    }
    if article.summary:
        page["description"] = article.summary
    if article.language:
        page["inLanguage"] = article.language
    if article.authors:
        page["author"] = [_named("Person", a) for a in article.authors]
    if article.site_name:
        page["publisher"] = _named("Organization", article.site_name)
    if article.published_at:
        page["datePublished"] = article.published_at
    if article.modified_at:
        page["dateModified"] = article.modified_at
    if article.when_to_see_doctor:
        page["hasPart"] = [
            {
                "@type": "WebPageElement",
                "name": "When to see a doctor",
                "text": "\n".join(article.when_to_see_doctor),
            }
        ]
    return page
