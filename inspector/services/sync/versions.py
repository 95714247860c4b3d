"""The versions of one record held by an installation, and which of them is shown.

An installation holds, for each record, the versions that no other version
it has seen descends from (by their version vectors). The record's own row
shows one of them, the *live* version; the others wait in
``sync_conflicts``:

- ``open``: a different content, listed for a person to choose;
- ``agreed``: the same content as another held version. Such versions count
  as one: the row carries their vectors joined, and each is remembered so
  that a later version supersedes exactly the ones it descends from.

Which content is live is decided by :func:`rank`, a total order on versions:
the most edits of this installation itself, then the latest ``updated_at``,
then the content and the vector. A change made here is thus never hidden
behind an incoming one (and this installation never counts one of its edits
twice), and between installations that did not change the record
themselves the same version is live. As the held versions are a function of
the versions seen, not of the order they came in, so are the live version
and the open conflicts.

No I/O here: the merge and the resolution of conflicts load and store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from inspector.domain.values import ConflictStatus
from inspector.services.sync import records as rec

HELD = (ConflictStatus.OPEN, ConflictStatus.AGREED)  # the versions still waiting
INCOMING = "incoming"  # Version.status of a version read from a bundle


@dataclass(frozen=True, eq=False)
class Version:
    """One version of a record: values in bundle form (no vector) and its version vector."""

    values: list[Any]
    vv: rec.VV
    row_id: str | None = None  # the sync_conflicts row holding it, if one does
    status: str = ""  # that row's status (or INCOMING)


@dataclass
class Local:
    """The record's own row: its values in bundle form and its version vectors."""

    values: list[Any]
    revision: int
    vv: rec.VV  # effective: counting an unsent change made here
    stored_vv: rec.VV
    unsent: bool  # changed here since its vector was last set


def vv_join_all(vvs: Iterable[rec.VV]) -> rec.VV:
    joined: rec.VV = {}
    for vv in vvs:
        joined = rec.vv_join(joined, vv)
    return joined


def maxima(versions: Iterable[Version]) -> list[Version]:
    """The versions no other one descends from (of equal vectors, the first)."""
    held: list[Version] = []
    for version in versions:
        if not any(rec.vv_leq(version.vv, h.vv) for h in held):
            held = [h for h in held if not rec.vv_leq(h.vv, version.vv)]
            held.append(version)
    return held


def content_key(spec: rec.TableSpec, values: Sequence[Any]) -> str:
    return json.dumps(rec.content_of(spec, values), ensure_ascii=False, separators=(",", ":"))


def same_values(spec: rec.TableSpec, a: Sequence[Any], b: Sequence[Any]) -> bool:
    """Equal but for ``revision``, which each installation counts itself."""
    skip = spec.columns.index("revision")
    return all(x == y for i, (x, y) in enumerate(zip(a, b, strict=True)) if i != skip)


def rank(spec: rec.TableSpec, me: str) -> Callable[[Version], tuple[Any, ...]]:
    """Sort key of versions, the highest is shown: this installation's own edits first, then
    the latest change, then content and vector (a total order: no two versions tie)."""
    updated_at = spec.columns.index("updated_at")
    skip = spec.columns.index("revision")

    def key(version: Version) -> tuple[Any, ...]:
        values = version.values
        return (version.vv.get(me, 0), str(values[updated_at]), content_key(spec, values),
                rec.vv_dump(version.vv),
                json.dumps([v for i, v in enumerate(values) if i != skip], ensure_ascii=False))
    return key


@dataclass(frozen=True)
class Settled:
    live: Version  # what the record's row shows, with the vector it carries
    live_group: tuple[Version, ...]  # the held versions with the live content, best first
    kept: tuple[tuple[Version, str], ...]  # held versions that need a row, with its status


def settle(spec: rec.TableSpec, held: list[Version], me: str) -> Settled:
    """Which held version is live, which are open conflicts and which agree with another."""
    key = rank(spec, me)
    groups: dict[str, list[Version]] = {}
    for version in sorted(held, key=key, reverse=True):
        groups.setdefault(content_key(spec, version.values), []).append(version)
    live_group, *others = groups.values()
    live = Version(live_group[0].values, vv_join_all(v.vv for v in live_group))
    kept = [(v, ConflictStatus.AGREED) for v in live_group] if len(live_group) > 1 else []
    for group in others:
        kept.append((group[0], ConflictStatus.OPEN))
        kept.extend((v, ConflictStatus.AGREED) for v in group[1:])
    return Settled(live, tuple(live_group), tuple(kept))


def held_versions(spec: rec.TableSpec, local: Local, rows: list[Version]) -> list[Version]:
    """The versions of one record held here: the row's own, or the agreed ones it joins.

    ``rows`` are the record's open and agreed ``sync_conflicts`` rows. A row
    changed here since (``unsent``) is a new version that descends from
    everything it showed.
    """
    content = rec.content_of(spec, local.values)
    twins = [r for r in rows if r.status == ConflictStatus.AGREED
             and rec.content_of(spec, r.values) == content]
    if (twins and any(same_values(spec, t.values, local.values) for t in twins)
            and vv_join_all(t.vv for t in twins) == local.vv):
        return maxima(rows)
    return maxima([Version(local.values, local.vv), *rows])


def stored_for(local: Local, vv: rec.VV, me: str) -> rec.VV | None:
    """The vector to store so that an unsent change made here stays unsent (``None``: seal).

    An unsent row counts its change as one more edit of this installation on
    top of the stored vector; storing ``vv`` less that edit keeps it so, and
    the change still travels in the next bundle.
    """
    count = local.vv.get(me, 0)
    if not local.unsent or not local.stored_vv or vv.get(me, 0) != count:
        return None
    base = dict(vv)
    if count > 1:
        base[me] = count - 1
    else:
        del base[me]
    return base


def row_version(spec: rec.TableSpec, row_id: str, remote_json: str, vv: str,
                status: str) -> Version:
    """A version kept in a ``sync_conflicts`` row."""
    values = json.loads(remote_json)
    return Version([values.get(c) for c in spec.columns], rec.vv_load(vv), row_id, status)
