"""Markdown rendering of a `HealthArticle` for people: title, byline, the outline with its
lists, and the extracted causes. Pure."""

from __future__ import annotations

from schemas.article import HealthArticle, Section


def _section(section: Section) -> list[str]:
    lines: list[str] = []
    if section.heading:
        lines += ["#" * min(section.level, 6) + " " + section.heading, ""]
    for paragraph in section.paragraphs:
        lines += [paragraph, ""]
    for lst in section.lists:
        if lst.lead_in:
            lines.append(lst.lead_in)
        lines += [f"- {item}" for item in lst.items]
        lines.append("")
    return lines


def to_markdown(article: HealthArticle) -> str:
    """The article as Markdown, ending with a newline."""
    lines = [f"# {article.title}", ""]
    byline = ", ".join(article.authors)
    meta = " · ".join(x for x in (byline, article.published_at or "", article.site_name) if x)
    if meta:
        lines += [f"*{meta}*", ""]
    for section in article.sections:
        if section.heading or section.paragraphs or section.lists:
            lines += _section(
                section if section.heading else section.model_copy(update={"level": 2})
            )
    if article.causes:
        lines += ["## Causes at a glance", ""]
        for cause in article.causes:
            extras = []
            if cause.risk_factors:
                extras.append("risk factors: " + "; ".join(cause.risk_factors))
            if cause.signs:
                extras.append("signs: " + "; ".join(cause.signs))
            suffix = f" ({' | '.join(extras)})" if extras else ""
            lines.append(f"- **{cause.name}**{suffix}")
        lines.append("")
    lines.append(f"Source: {article.canonical_url}")
    return "\n".join(lines).rstrip("\n") + "\n"
