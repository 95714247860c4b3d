"""What one incoming version of a record does to the versions of it held here: its
outcome, the values and version vector the record's row gets, and the versions kept
beside it (how versions are compared and which is live: :mod:`versions`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inspector.domain.values import ConflictStatus
from inspector.services.sync import records as rec
from inspector.services.sync.merge_preview import Outcome
from inspector.services.sync.versions import (
    INCOMING,
    Local,
    Version,
    held_versions,
    same_values,
    settle,
    stored_for,
)


@dataclass
class Plan:
    outcome: Outcome
    live: Version | None = None  # new values and vector of the record's row
    vv_only: bool = False  # the values stay, only the vector changes
    unsent_base: rec.VV | None = None  # with vv_only: store this, the change made here unsent
    inserts: list[tuple[Version, str]] = field(default_factory=list)
    statuses: list[tuple[str, str]] = field(default_factory=list)  # (status, row id)


def _plan_in_line(spec: rec.TableSpec, incoming: Version, local: Local) -> Plan:
    """No kept versions, and one of the two descends from the other: what ``settle`` says."""
    same = rec.content_of(spec, incoming.values) == rec.content_of(spec, local.values)
    if rec.vv_leq(incoming.vv, local.vv):
        return Plan(Outcome.IDENTICAL if same else Outcome.OLDER)
    plan = Plan(Outcome.JOIN if same else Outcome.UPDATED, live=incoming)
    plan.vv_only = same_values(spec, incoming.values, local.values)
    return plan


def plan_record(spec: rec.TableSpec, remote: list[Any], local: Local, rows: list[Version],
                me: str) -> Plan:
    """What one incoming version does to the versions of its record held here."""
    incoming = Version(remote[:-1], remote[-1], status=INCOMING)
    if not rows and (rec.vv_leq(incoming.vv, local.vv) or rec.vv_leq(local.vv, incoming.vv)):
        return _plan_in_line(spec, incoming, local)  # the common case: one line of versions
    held = held_versions(spec, local, rows)
    live_content = rec.content_of(spec, local.values)
    if any(rec.vv_leq(incoming.vv, h.vv) for h in held):
        if rec.vv_leq(incoming.vv, local.vv):
            same = rec.content_of(spec, incoming.values) == live_content
            outcome = Outcome.IDENTICAL if same else Outcome.OLDER
        else:
            outcome = Outcome.CONFLICT_KNOWN
        if not rows:
            return Plan(outcome)
    else:
        beaten = [h for h in held if rec.vv_leq(h.vv, incoming.vv)]
        held = [h for h in held if h not in beaten]
        content = rec.content_of(spec, incoming.values)
        if any(rec.content_of(spec, h.values) != content for h in held):
            outcome = Outcome.CONFLICT
        elif content != live_content or any(
                rec.content_of(spec, h.values) != content for h in beaten):
            outcome = Outcome.UPDATED
        else:
            outcome = Outcome.JOIN
        held.append(incoming)
    settled = settle(spec, held, me)
    plan = Plan(outcome)
    group = settled.live_group
    if not (len(group) == 1 and group[0].row_id is None and group[0].status != INCOMING):
        if same_values(spec, settled.live.values, local.values):
            if settled.live.vv != local.vv:
                plan.live, plan.vv_only = settled.live, True
                plan.unsent_base = stored_for(local, settled.live.vv, me)
        else:
            plan.live = settled.live
    wanted = set()
    for version, status in settled.kept:
        if version.row_id is None:
            plan.inserts.append((version, status))
        else:
            wanted.add(version.row_id)
            if version.status != status:
                plan.statuses.append((status, version.row_id))
    for row in rows:
        if row.row_id not in wanted:
            shown = len(group) == 1 and group[0] is row
            status = ConflictStatus.LIVE if shown else ConflictStatus.SUPERSEDED
            plan.statuses.append((status, str(row.row_id)))
    return plan

