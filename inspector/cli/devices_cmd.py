"""``inspector devices``: the devices this county office accepts bundles from."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli.common import (
    actor_name,
    add_command,
    add_format,
    needs_action,
    opened,
    print_json,
)
from inspector.services import api


def register(commands: Any) -> None:
    devices = add_command(commands, "devices", "本办公室接收其同步包的设备 / "
                                               "devices this office accepts bundles from",
                          needs_action)
    devices_cmds = devices.add_subparsers(dest="devices_command", metavar="ACTION")
    listing = add_command(devices_cmds, "list", "已登记、已固定和已吊销的设备 / "
                                                "enrolled, pinned and revoked devices",
                          run_devices_list)
    add_format(listing)
    revoke = add_command(devices_cmds, "revoke", "今后拒收某台设备的同步包 / "
                                                 "refuse a device's bundles from now on",
                         run_devices_revoke)
    revoke.add_argument("device", metavar="ID", help="设备编号或其开头几位 / "
                                                     "the device id or its first characters")
    revoke.add_argument("--reason", default="", help="原因 / the reason")
    revoke.add_argument("--actor", help="操作人（默认：登录名）/ "
                                        "who revokes (default: the login name)")
    who = add_command(devices_cmds, "inspectors", "登记使用某台外业笔记本的检查人员（发给它的任务"
                                                  "数据包只含他们的任务）/ record who uses a "
                                                  "field laptop (an assignment bundle for it "
                                                  "carries their assignments only)",
                      run_devices_inspectors)
    who.add_argument("device", metavar="ID", help="设备编号或其开头几位 / "
                                                  "the device id or its first characters")
    who.add_argument("names", nargs="*", metavar="NAME",
                     help="检查人员姓名（不给则清除）/ the inspectors' names (none: clear)")


def run_devices_list(args: argparse.Namespace) -> int:
    with opened(args) as context:
        devices = api.sync.list_devices(context)
    if args.format == "json":
        print_json([vars(d) for d in devices])
        return 0
    if not devices:
        print("还没有登记的设备 / no devices enrolled")
    for d in devices:
        who = f"  检查人员 / inspectors: {'、'.join(d.inspectors)}" if d.inspectors else ""
        print(f"{d.id}  {d.role:6} {d.status:8} {d.fingerprint}  {d.name}{who}")
    return 0


def run_devices_inspectors(args: argparse.Namespace) -> int:
    with opened(args) as context:
        names = api.sync.set_device_inspectors(context, args.device, args.names)
    print(f"使用这台笔记本的检查人员 / inspectors using this laptop: "
          f"{'、'.join(names) if names else '（无 / none）'}")
    return 0


def run_devices_revoke(args: argparse.Namespace) -> int:
    with opened(args) as context:
        revoked = api.sync.revoke_device(context, args.device, actor_name(args), args.reason)
    name, device_id = revoked.name, revoked.device_id
    print(f"已吊销 {name}（{device_id}），今后拒收它的数据包 / revoked {name} ({device_id}); "
          "its bundles are refused from now on")
    return 0

