"""``inspector init|device|bundle``: roles, device identity and signed sync bundles."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from inspector.app_paths import AppPaths
from inspector.cli.common import (
    ConsoleProgress,
    UsageError,
    actor_name,
    add_command,
    add_format,
    needs_action,
    opened,
    output_file,
    print_json,
)
from inspector.domain.values import (
    BundleKind,
    BundleStatus,
    Direction,
    InspectionStatus,
    Keep,
    Role,
    TrustStatus,
)
from inspector.services import api


def register(commands: Any) -> None:
    init = add_command(commands, "init", "选择本机的角色（县级办公室或外业笔记本）/ "
                                         "choose this installation's role (office or field)",
                       run_init)
    init.add_argument("--role", choices=[role.value for role in Role], required=True,
                      help="office 县级办公室，field 外业笔记本 / office or field laptop")
    init.add_argument("--name", help="本机的名称，对方可见 / "
                                     "a name for this installation, shown to the other side")
    init.add_argument("--change-role", action="store_true",
                      help="确认更改本机已有的角色 / "
                           "confirm changing the role of an installation that has one")

    device = add_command(commands, "device", "本机的设备身份 / "
                                             "this installation's device identity", needs_action)
    device_cmds = device.add_subparsers(dest="device_command", metavar="ACTION")
    show = add_command(device_cmds, "show", "显示设备编号、角色和密钥指纹 / "
                                            "print the device id, role and key fingerprint",
                       run_device_show)
    add_format(show)

    bundle = add_command(commands, "bundle", "导出、校验和导入同步包 / "
                                             "export, verify and import sync bundles",
                         needs_action)
    bundle_cmds = bundle.add_subparsers(dest="bundle_command", metavar="ACTION")
    export = add_command(bundle_cmds, "export", "写出签名的同步包 / "
                                                "write a signed bundle", run_export)
    export.add_argument("-o", "--output", required=True, metavar="FILE_OR_FOLDER",
                        help="要写出的同步包文件，或一个文件夹（如U盘），文件名自动取 / the bundle "
                             "file to write, or a folder (a USB drive) to write it in under a "
                             "name of its own")
    export.add_argument("--all", action="store_true",
                        help="全部导出，而不只是办公室尚未确认的 / "
                             "everything, not only what the office has not confirmed")
    export.add_argument("--kind", choices=[kind.value for kind in BundleKind],
                        help="同步包的种类 / the kind of bundle")
    export.add_argument("--for", dest="for_device", metavar="DEVICE",
                        help="任务数据包只发给这台外业笔记本（设备编号或其开头几位）：只含其检查"
                             "人员的任务、它交来后被退回的检查和它要复查的事项 / address an "
                             "assignment bundle to this field laptop (its id or first "
                             "characters): only its inspectors' assignments, the inspections "
                             "it sent that were returned, and the items it is to re-inspect")
    add_format(export)
    verify = add_command(bundle_cmds, "verify", "只校验同步包，不导入 / "
                                                "check a bundle without importing it",
                         run_verify)
    verify.add_argument("file", metavar="FILE", help="同步包文件 / the bundle file")
    add_format(verify)
    imp = add_command(bundle_cmds, "import", "校验、预览并合并同步包 / "
                                             "verify, preview and merge a bundle", run_import)
    imp.add_argument("file", metavar="FILE", help="同步包文件 / the bundle file")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不写入任何内容 / "
                                                            "preview only; write nothing")
    imp.add_argument("--trust-new-device", action="store_true",
                     help="登记同步包中的新设备（请先核对指纹）/ enroll the bundle's "
                          "unknown device (compare its fingerprint first)")
    imp.add_argument("--actor", help="导入人（默认：登录名）/ "
                                     "who imports (default: the login name)")
    add_format(imp)
    history = add_command(bundle_cmds, "history", "本机写出和导入过的同步包 / "
                                                  "bundles written and imported here",
                          run_history)
    add_format(history)
    conflicts = add_command(bundle_cmds, "conflicts", "双方都改过的记录 / "
                                                      "records changed on both sides",
                            run_conflicts)
    add_format(conflicts)
    resolve = add_command(bundle_cmds, "resolve", "处理一个冲突 / settle a conflict", run_resolve)
    resolve.add_argument("conflict", metavar="ID", help="冲突编号 / the conflict's id")
    resolve.add_argument("--keep", choices=[keep.value for keep in Keep], required=True,
                         help="local：保留现在显示的版本；remote：改用另一版本 / local: keep "
                              "the version shown now; remote: take the other version")
    resolve.add_argument("--actor", help="处理人（默认：登录名）/ "
                                         "who settles it (default: the login name)")



def _paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths.resolve(getattr(args, "data_dir", None))


def _kind_zh(kind: BundleKind) -> str:
    from inspector.services.sync.bundle_format import kind_zh

    return kind_zh(kind)


def run_init(args: argparse.Namespace) -> int:
    from inspector.services.sync.identity import ROLE_LABELS

    with opened(args) as context:
        me = api.sync.set_role(context.paths, Role(args.role), args.name,
                               confirm_change=args.change_role)
    assert me.role is not None
    print(f"{ROLE_LABELS[me.role]}: 设备 / device {me.device_id}, "
          f"指纹 / fingerprint {me.fingerprint}")
    return 0


def run_device_show(args: argparse.Namespace) -> int:
    from inspector.services.sync.identity import ROLE_LABELS, ensure_identity, load_identity

    paths = _paths(args)
    try:
        me = load_identity(paths)  # shown even when the database cannot be opened
        if me is None:
            # A key is made only together with the database: a folder holding a key but
            # no database is taken for one whose database was lost, and refused.
            with opened(args) as context:
                me = ensure_identity(context.paths)
    except OSError as exc:
        raise UsageError(f"无法使用数据文件夹 / cannot use the data directory {paths.data_dir}: "
                         f"{exc}") from exc
    info = {"device_id": me.device_id, "role": me.role.value if me.role else None,
            "name": me.name, "fingerprint": me.fingerprint, "public_key": me.public_key_b64}
    if args.format == "json":
        print_json(info)
    else:
        role = ROLE_LABELS[me.role] if me.role else "（未选择）/ (not chosen)"
        print(f"设备编号 / device id:   {me.device_id}\n角色 / role:            {role}\n"
              f"名称 / name:            {me.name}\n指纹 / fingerprint:     {me.fingerprint}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from inspector.services.sync.bundle_format import BUNDLE_SUFFIX

    chosen = Path(args.output).expanduser()
    if not chosen.is_dir() and not chosen.suffix:  # "-o usb5": named so the import dialog lists it
        chosen = chosen.with_name(chosen.name + BUNDLE_SUFFIX)
    target = chosen if chosen.is_dir() else output_file(chosen)
    progress = ConsoleProgress("导出 / exporting")
    with opened(args) as context:
        try:  # given a folder, the service names the file in it
            kind = BundleKind(args.kind) if args.kind else None
            result = api.sync.export_bundle(context, target, kind=kind, include_all=args.all,
                                            actor=actor_name(args), control=progress,
                                            for_device=args.for_device)
        finally:
            progress.finish()
    if args.format == "json":
        print_json({"file": str(result.path), "bundle_id": result.bundle_id,
                    "kind": result.kind, "sequence": result.sequence, "scope": result.scope,
                    "counts": result.counts, "size_bytes": result.size_bytes})
    else:
        counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
        print(f"已写入{_kind_zh(result.kind)}数据包 / wrote {result.kind} "
              f"bundle #{result.sequence} ({result.scope}) to {result.path}: {counts}; "
              f"{result.size_bytes} bytes")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from inspector.services.sync.verify_contents import verify_file

    # As an import checks it, as far as that needs no database.
    opened_bundle = verify_file(Path(args.file), records=True)
    m = opened_bundle.manifest
    info = {"bundle_id": m.bundle_id, "kind": m.kind, "format_version": m.format_version,
            "device_id": m.source.device_id, "device_name": m.source.name,
            "role": m.source.role.value, "fingerprint": m.source.fingerprint,
            "sequence": m.sequence, "created_at": m.created_at, "scope": m.scope,
            "counts": m.counts, "members": len(m.members)}
    if args.format == "json":
        print_json(info)
    else:
        print(f"完整，签名正确：{_kind_zh(m.kind)}数据包第 {m.sequence} 号 / intact and correctly "
              f"signed: {m.kind} bundle #{m.sequence} from "
              f"“{m.source.name}” ({m.source.role.value}, fingerprint {m.source.fingerprint}), "
              f"made {m.created_at}, {len(m.members)} members")
    return 0


def run_import(args: argparse.Namespace) -> int:
    progress = ConsoleProgress("检查并导入 / checking and importing")
    with opened(args) as context:
        try:
            prepared, result = api.sync.import_bundle(
                context, Path(args.file), dry_run=args.dry_run,
                trust_new_device=args.trust_new_device, actor=actor_name(args), control=progress)
        finally:
            progress.finish()
    m = prepared.manifest
    already = prepared.already_imported_at is not None
    preview = prepared.preview
    if args.format == "json":
        print_json({**preview.to_json(), "bundle_id": m.bundle_id, "kind": m.kind,
                    "device": m.source.name, "fingerprint": m.source.fingerprint,
                    "trust": prepared.trust.value, "dry_run": args.dry_run,
                    "already_imported": already,
                    "confirmed": result.confirmed_bundles if result else []})
        return 0
    print(f"来自“{m.source.name}”的{_kind_zh(m.kind)}数据包第 {m.sequence} 号 / {m.kind} bundle "
          f"#{m.sequence} from “{m.source.name}” (指纹 / fingerprint {m.source.fingerprint}), "
          f"made {m.created_at}")
    if already:
        when = str(prepared.already_imported_at)[:19]
        print(f"此数据包已于 {when} 导入，无需再导入 / already imported on {when}; nothing to do")
        return 0
    _print_summary(result.preview.summary if result is not None else preview.summary)
    t = preview.totals()
    print(f"记录：新增 {t.new}，更新 {t.updated}，相同 {t.identical}，"
          f"冲突 {t.conflicts}；照片：新 {t.photos_new}，已有 {t.photos_known} / "
          f"records: new {t.new}, "
          f"updated {t.updated}, identical {t.identical}, conflicts {t.conflicts}; "
          f"photos: new {t.photos_new}, known {t.photos_known}")
    if t.deleted_here or t.brought_back:
        print(f"本机已删除、不再导入 {t.deleted_here} 条；本机删除后对方又修改、重新导入 "
              f"{t.brought_back} 条 / deleted here, not brought back: {t.deleted_here}; "
              f"deleted here but changed elsewhere, brought back: {t.brought_back}")
    if prepared.trust == TrustStatus.PIN_OFFICE:
        print(f"县级办公室的密钥{'将被' if args.dry_run else '已'}记住 / county office key "
              f"{'would be' if args.dry_run else 'is now'} pinned: {m.source.fingerprint}")
    elif prepared.trust == TrustStatus.NEW_DEVICE:
        print(f"设备“{m.source.name}”{'将被' if args.dry_run else '已被'}信任 / device "
              f"“{m.source.name}” {'would be' if args.dry_run else 'is now'} trusted")
    if args.dry_run:
        print("试运行：没有写入任何内容 / dry run: nothing was written")
    elif result is not None:
        if result.confirmed_bundles:
            count = len(result.confirmed_bundles)
            print(f"县级办公室已确认收到本机的 {count} 个数据包 / the office confirmed {count} of "
                  "this laptop's bundles")
        if t.conflicts:
            print("冲突请用 inspector bundle conflicts 查看 / conflicts are listed by "
                  "`inspector bundle conflicts`")
        if result.backup:
            print(f"导入前的数据库备份 / backup before import: {result.backup}")
    return 0


def _print_summary(summary: Any) -> None:
    """Each inspection (and assignment) the bundle holds, as a clerk knows it."""
    from inspector.cli.common import terminal_columns
    from inspector.domain.scoring import format_percent
    from inspector.services.sync.import_summary import CHANGE_WORDS

    def pad(text: str, width: int) -> str:
        return text + " " * max(0, width - terminal_columns(text))

    status_words: dict[str, str] = {InspectionStatus.COMPLETED: "已完成 / completed",
                                    InspectionStatus.DRAFT: "进行中 / in progress"}
    for lines, more, zh, en in (
            (summary.inspections, summary.inspections_not_listed, "检查", "inspections"),
            (summary.assignments, summary.assignments_not_listed, "任务", "assignments")):
        if not lines:
            continue
        print(f"{zh} / {en}: {len(lines) + more}")
        for line in lines:
            site = f"{line.site_name}（{line.site_code}）" if line.site_code else line.site_name
            if en == "inspections":
                photos = f"  新照片 / new photos {line.photos_new}" if line.photos_new else ""
                print(f"  {pad(CHANGE_WORDS[line.change], 24)}{line.visit_date}  {site}  "
                      f"{line.inspectors or '—'}  {status_words.get(line.status, line.status)}"
                      f"  {format_percent(line.score)}{photos}")
            else:
                print(f"  {pad(CHANGE_WORDS[line.change], 24)}{line.period_start} – "
                      f"{line.period_end}  {site}  {line.inspector_name or '—'}")
        if more:
            print(f"  …另有 {more} 项未列出 / {more} more not listed")


def run_history(args: argparse.Namespace) -> int:
    with opened(args) as context:
        logged = api.sync.bundle_history(context)
    items = [{"bundle_id": e.bundle_id, "direction": e.direction, "kind": e.kind,
              "status": e.status, "device": e.device, "sequence": e.sequence,
              "at": str(e.at)[:19], "file": e.file_name, "actor": e.actor,
              "confirmed_at": str(e.confirmed_at)[:19] if e.confirmed_at else None}
             for e in logged]
    if args.format == "json":
        print_json(items)
        return 0
    unfinished = {BundleStatus.WRITING: "正在写入 / being written",
                  BundleStatus.INTERRUPTED: "未写完（已中断）/ interrupted, not written"}
    for e, item in zip(logged, items, strict=True):
        confirmed = f"，已确认 / confirmed {item['confirmed_at']}" if item["confirmed_at"] else ""
        way = "导出 / out" if e.direction == Direction.OUT else "导入 / in"
        file = unfinished.get(e.status, e.file_name)
        print(f"{item['at']}  {way:10}  {_kind_zh(e.kind)} / {e.kind:10} "
              f"#{e.sequence:<4} {e.device}  {file}{confirmed}")
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    with opened(args) as context:
        views = api.sync.list_conflicts(context)
    if args.format == "json":
        print_json([{"id": v.id, "table": v.table, "record_id": v.record_id,
                     "differences": [{"field": f, "here": a, "incoming": b}
                                     for f, a, b in v.differing]} for v in views])
        return 0
    if not views:
        print("没有待解决的冲突 / no open conflicts")
    for v in views:
        diffs = "; ".join(f"{f}: {a!r} ≠ {b!r}" for f, a, b in v.differing)
        print(f"{v.id[:8]}  {v.table} {v.record_id[:8]}  {diffs}")
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    with opened(args) as context:
        view = api.sync.resolve_conflict(context, args.conflict, Keep(args.keep), actor_name(args))
    kept = "现在显示的" if args.keep == Keep.LOCAL else "另一"
    print(f"已解决：采用{kept}版本 / resolved: kept the {args.keep} version of {view.table} "
          f"{view.record_id}")
    return 0


def run_demo_role(args: argparse.Namespace) -> int:
    """``inspector demo --role field|office`` (the option is declared in demo_cmd)."""
    from inspector.services.sync.demo_roles import prepare_demo
    from inspector.services.sync.identity import ROLE_LABELS

    with opened(args) as context:
        result = prepare_demo(context, Role(args.role))
    me = result.identity
    assert me.role is not None
    print(f"演示数据（{ROLE_LABELS[me.role]}）/ demo data in {context.paths.data_dir}: "
          f"新增站点 / sites added {result.sites_created}, 检查 / inspections "
          f"{result.inspections}, 任务 / assignments {result.assignments}"
          + (f", 督导意见书 / feedback letters {result.letters}, 整改事项 / rectification "
             f"items {result.items}" if result.letters else "")
          + f"; 设备 / device “{me.name}”, 指纹 / fingerprint {me.fingerprint}")
    return 0

