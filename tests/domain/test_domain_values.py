"""The enums of states and kinds: the very words the database and bundles hold."""

from __future__ import annotations

import json
from enum import StrEnum

import pytest

from inspector.domain.supervision import (
    CampaignKind,
    CheckOutcome,
    ItemState,
    ReviewDecision,
    ReviewState,
    Verdict,
)
from inspector.domain.tiers import Tier
from inspector.domain.values import (
    BundleKind,
    BundleStatus,
    ConflictStatus,
    DeviceStatus,
    Direction,
    EventKind,
    InspectionStatus,
    ItemChange,
    Keep,
    Role,
    Scope,
    TrustStatus,
)

#: What databases and bundles written by every version so far hold, and what the command
#: line's JSON prints: a member's value must never change, or stored rows and bundles from
#: other laptops no longer read and scripts reading the output break.
STORED_WORDS: dict[type[StrEnum], tuple[str, ...]] = {
    Tier: ("county", "township", "village"),
    InspectionStatus: ("draft", "completed"),
    EventKind: ("completed", "reopened", "approved", "returned"),
    Role: ("office", "field"),
    BundleKind: ("results", "assignment", "receipt"),
    Direction: ("in", "out"),
    BundleStatus: ("writing", "written", "interrupted", "imported"),
    Scope: ("all", "incremental"),
    DeviceStatus: ("trusted", "revoked"),
    ConflictStatus: ("open", "agreed", "live", "superseded", "resolved", "deleted"),
    Keep: ("local", "remote"),
    TrustStatus: ("trusted", "new_device", "pin_office"),
    ItemChange: ("new", "updated", "conflict", "unchanged", "deleted_here", "brought_back"),
    CampaignKind: ("comprehensive", "special", "reinspection"),
    ReviewDecision: ("approved", "returned"),
    ReviewState: ("in_field", "awaiting", "returned", "approved"),
    ItemState: ("draft", "open", "reported", "verified", "closed", "dropped"),
    Verdict: ("rectified", "not_rectified"),
    CheckOutcome: ("pending", "closed", "kept_open", "conflict"),
}


@pytest.mark.parametrize("enum", list(STORED_WORDS), ids=lambda e: e.__name__)
def test_each_member_is_the_word_stored(enum: type[StrEnum]) -> None:
    assert tuple(member.value for member in enum) == STORED_WORDS[enum]
    for word in STORED_WORDS[enum]:
        member = enum(word)
        # equal to, hashed as, printed and written to JSON as the plain word
        assert member == word and hash(member) == hash(word) and {word: 1}[member] == 1
        assert str(member) == f"{member}" == word and json.dumps(member) == f'"{word}"'


def test_an_unknown_word_is_refused() -> None:
    with pytest.raises(ValueError, match="is not a valid InspectionStatus"):
        InspectionStatus("finished")
    with pytest.raises(ValueError):
        Role("Office")  # words are matched exactly, as stored
