"""The three tiers of the county's community-education network."""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    COUNTY = "county"  # 县（市、区）社区教育学院
    TOWNSHIP = "township"  # 乡镇（街道）社区学校
    VILLAGE = "village"  # 村（社区）教学站（点）

    @property
    def parent_tier(self) -> Tier | None:
        """The tier a site of this tier hangs under in the registry."""
        return {Tier.COUNTY: None, Tier.TOWNSHIP: Tier.COUNTY, Tier.VILLAGE: Tier.TOWNSHIP}[self]


TIER_ORDER: tuple[Tier, ...] = (Tier.COUNTY, Tier.TOWNSHIP, Tier.VILLAGE)


# Names accepted for each tier when people type or import them (CSV files
# written by hand in Excel use all of these). The first Chinese name is the
# guideline's own and is what exports write.
TIER_ALIASES: dict[Tier, tuple[str, ...]] = {
    Tier.COUNTY: ("县（市、区）社区教育学院", "county", "县级", "县", "社区教育学院", "学院",
                  "县（市、区）"),
    Tier.TOWNSHIP: ("乡镇（街道）社区学校", "township", "乡镇", "街道", "乡镇级", "社区学校",
                    "学校", "乡镇（街道）"),
    Tier.VILLAGE: ("村（社区）教学站（点）", "village", "村", "社区", "村级", "教学站", "教学点",
                   "教学站（点）", "村（社区）"),
}


def _fold(text: str) -> str:
    return text.strip().lower().replace("(", "（").replace(")", "）").replace(" ", "")


_ALIAS_LOOKUP = {_fold(alias): tier for tier, aliases in TIER_ALIASES.items() for alias in aliases}


def parse_tier(text: str) -> Tier:
    """A tier from any of its accepted names; ValueError when none matches."""
    try:
        return _ALIAS_LOOKUP[_fold(text)]
    except KeyError:
        raise ValueError(f"unknown tier {text!r}") from None


def tier_label(tier: Tier) -> str:
    return TIER_ALIASES[tier][0]
