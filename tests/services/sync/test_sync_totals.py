"""What an import does, counted over every table: a frozen dataclass, the same JSON as before."""

from __future__ import annotations

import dataclasses

import pytest

from inspector.services.sync.merge_preview import Preview, TableCounts, Totals


def _preview(**photos: int) -> Preview:
    return Preview(tables={
        "sites": TableCounts(new=2, identical=5),
        "inspections": TableCounts(updated=1, conflicts=1, deleted_here=3),
        "photos": TableCounts(new=4, brought_back=1),
    }, **photos)


def test_the_totals_add_up_every_table() -> None:
    totals = _preview(photos_new=4, photos_known=7).totals()
    assert totals == Totals(new=6, updated=1, identical=5, conflicts=1, photos_new=4,
                            photos_known=7, deleted_here=3, brought_back=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        totals.new = 0  # type: ignore[misc]


def test_the_json_keeps_its_keys_in_their_order() -> None:
    data = _preview(photos_new=4, photos_known=7).to_json()
    assert list(data)[:8] == ["new", "updated", "identical", "conflicts", "photos_new",
                              "photos_known", "deleted_here", "brought_back"]
    assert (data["new"], data["deleted_here"]) == (6, 3)


def test_only_records_staying_the_same_or_out_change_nothing() -> None:
    assert not Totals(identical=9, photos_known=2, deleted_here=1).changes_records
    for field in ("new", "updated", "conflicts", "photos_new", "brought_back"):
        assert Totals(**{field: 1}).changes_records, field
    quiet = Preview(tables={"sites": TableCounts(identical=3, deleted_here=1)})
    assert not quiet.changes_anything
    assert Preview(templates_new=["guideline@2"]).changes_anything
