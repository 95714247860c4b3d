"""What every table's record is made of: a client-made UUID, created and updated times
(UTC), a revision counter, and the column type that stores an enum as its word.

Kept apart from the tables (:mod:`inspector.storage.models`,
:mod:`inspector.storage.supervision_models`) so both can build on it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Column, Dialect, ForeignKey, String
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current time, aware, in UTC (the database stores and returns UTC)."""
    return datetime.now(UTC)


class Word(TypeDecorator[StrEnum]):
    """A column holding one of an enum's words: stored as the word itself (plain text, as
    the column always was), read back as the enum's member; any other word is refused."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[StrEnum]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum(value)


class Record(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    revision: int = Field(default=1)


def reference(table: str, on_delete: str, nullable: bool = False) -> Any:
    """A column holding the id of a record of ``table`` (indexed)."""
    return Field(default=None if nullable else ...,
                 sa_column=Column(String(36), ForeignKey(f"{table}.id", ondelete=on_delete),
                                  index=True, nullable=nullable))
