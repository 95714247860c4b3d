"""The office's settings its documents print: the issuing body (督导机构) and how feedback
letters are numbered (文号). Kept in the database, so the window and the command line
(and every clerk of the office) use the same."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlmodel import Session, select

from inspector.domain.supervision import SupervisionError
from inspector.services import text_limits
from inspector.storage.models import OfficeSetting, utcnow


@dataclass(frozen=True)
class OfficeSettings:
    #: The issuing body, as printed at the head of a letter and by its seal.
    issuer: str = "县人民政府教育督导室"
    #: The start of a letter's number: 「县教督」 gives 「县教督〔2026〕3号」.
    number_prefix: str = "县教督"
    #: Days from issuing a letter to the deadline it proposes.
    deadline_days: int = 30


def load_settings(session: Session) -> OfficeSettings:
    stored = {row.key: row.value for row in session.exec(select(OfficeSetting)).all()}
    defaults = OfficeSettings()
    values: dict[str, object] = {}
    for field in fields(OfficeSettings):
        text = stored.get(field.name)
        if text is None:
            continue
        values[field.name] = int(text) if isinstance(getattr(defaults, field.name), int) \
            else text
    return OfficeSettings(**values)  # type: ignore[arg-type]


def save_settings(session: Session, settings: OfficeSettings) -> OfficeSettings:
    issuer, prefix = settings.issuer.strip(), settings.number_prefix.strip()
    if not issuer:
        raise SupervisionError("请填写督导机构名称 / give the issuing body's name")
    for value in (issuer, prefix):
        text_limits.check_text(text_limits.LETTER_FIELD, value, SupervisionError)
    if not 1 <= settings.deadline_days <= 366:
        raise SupervisionError("整改期限须在 1 到 366 天之间 / the deadline must be 1 to 366 "
                               "days after issuing")
    clean = OfficeSettings(issuer, prefix, settings.deadline_days)
    rows = {row.key: row for row in session.exec(select(OfficeSetting)).all()}
    for field in fields(OfficeSettings):
        value = str(getattr(clean, field.name))
        row = rows.get(field.name) or OfficeSetting(key=field.name)
        if row.value != value or row.key not in rows:
            row.value = value
            row.updated_at = utcnow()
            session.add(row)
    session.flush()
    return clean


def letter_number(prefix: str, year: int, sequence: int) -> str:
    """A document number as Chinese offices write it: 县教督〔2026〕3号."""
    return f"{prefix}〔{year}〕{sequence}号"
