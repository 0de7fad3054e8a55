#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""An independent CAN reader of the Pylontech V1.2 frame set, written from the protocol document.

It is pylon4j's outside witness on CAN, as scripts/pylontech-client.py is on RS485: it imports nothing from pylon4j
and shares no code with it. It reads a bus through python-can (Debian's python3-can), not through pylon4j's
transports, and decodes each battery frame by the layouts of docs/protocol.md §1.2 (0x351 CVL/CCL/DCL/discharge
voltage, 0x355 SOC/SOH, 0x356 voltage/current/temperature, 0x359 flags and module count, 0x35C request flags,
0x35E name; all little-endian, §1.1), §1.3 (the flag bits) and §1.4 (0x305/0x306/0x307 from the inverter).

Usage:  /usr/bin/python3 scripts/pylon-can-listen.py [--interface socketcan] [--channel vcan0] [--bitrate 500000]
                                                      [--seconds 5] [--sets 0] [--keepalive 0]
        /usr/bin/python3 scripts/pylon-can-listen.py --interface slcan --channel /dev/ttyACM0 --keepalive 1
        /usr/bin/python3 scripts/pylon-can-listen.py --decode < FRAMES     (lines ID#HEX, as cansend takes them)

Prints one JSON object per frame received (its id, DLC, data in hex, the receive time in seconds since the epoch,
and the decoded fields, or "unknown": true) on standard output, and one last line {"summary": ...} with the frames
seen per id. Stops after --seconds, or as soon as --sets complete V1.2 sets (all six ids, each at least once since
the previous set) were seen when --sets is above 0. --decode reads no bus (and needs no python-can): it decodes
the frames of standard input the same way, so that the build can check this decoder on the captures without a CAN
interface. --keepalive SECONDS above 0 also sends the inverter's keep-alive, 0x305 with eight zero bytes (§1.4), on
opening and then every SECONDS, as an inverter does; each one sent is counted in the summary ("keepalives_sent").
With --interface slcan, --channel is the serial device of an SLCAN adapter (python-can's slcan interface, which sets
the adapter to --bitrate). Exit status 0; 1 when a known frame is shorter than its fields
(it is printed with "error"); 2 when the bus cannot be opened (python-can missing: apt-get install python3-can).
"""

import argparse
import json
import sys
import time

V12_SET = (0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E)


def u16(data, i):
    return data[i] | data[i + 1] << 8


def s16(data, i):
    v = u16(data, i)
    return v - 0x10000 if v & 0x8000 else v


def need(data, n, what):
    if len(data) < n:
        raise ValueError("%s needs %d bytes, got %d" % (what, n, len(data)))


# §1.3.1: byte, bit, name; protection bytes 0-1, alarm bytes 2-3
FLAGS_359 = (
    (0, 7, "discharge over-current protection"), (0, 4, "cell under-temperature protection"),
    (0, 3, "cell over-temperature protection"), (0, 2, "under-voltage protection"),
    (0, 1, "over-voltage protection"), (1, 3, "system error protection"), (1, 0, "charge over-current protection"),
    (2, 7, "discharge high current alarm"), (2, 4, "cell low temperature alarm"),
    (2, 3, "cell high temperature alarm"), (2, 2, "low voltage alarm"), (2, 1, "high voltage alarm"),
    (3, 3, "internal communication fail alarm"), (3, 0, "charge high current alarm"),
)
# §1.3.2: 0x35C byte 0
FLAGS_35C = ((7, "charge enable"), (6, "discharge enable"), (5, "force charge I"), (4, "force charge II"),
             (3, "full charge"))


def decode(can_id, data):
    """The fields of one frame by docs/protocol.md §1.2-§1.4, or None for an id the V1.2 set does not have."""
    if can_id == 0x351:
        need(data, 6, "0x351")
        out = {"cvl_v": u16(data, 0) / 10, "ccl_a": s16(data, 2) / 10, "dcl_a": s16(data, 4) / 10}
        if len(data) >= 8:
            out["dvl_v"] = u16(data, 6) / 10
        return out
    if can_id == 0x355:
        need(data, 2, "0x355")
        out = {"soc_pct": u16(data, 0)}
        if len(data) >= 4:
            out["soh_pct"] = u16(data, 2)
        return out
    if can_id == 0x356:
        need(data, 4, "0x356")
        out = {"voltage_v": s16(data, 0) / 100, "current_a": s16(data, 2) / 10}
        if len(data) >= 6:
            out["temperature_c"] = s16(data, 4) / 10
        return out
    if can_id == 0x359:
        need(data, 4, "0x359")
        out = {"flags": [name for byte, bit, name in FLAGS_359 if data[byte] >> bit & 1]}
        if len(data) >= 5:
            out["modules"] = data[4]
        if len(data) >= 7:
            out["marker"] = bytes(data[5:7]).decode("ascii", "replace")
        return out
    if can_id == 0x35C:
        need(data, 1, "0x35C")
        return {"requests": [name for bit, name in FLAGS_35C if data[0] >> bit & 1]}
    if can_id == 0x35E:
        return {"name": bytes(data).decode("ascii", "replace").rstrip(" \0")}
    if can_id in (0x305, 0x306, 0x307):
        return {"from": "inverter"}
    return None


def line_of(can_id, extended, data, timestamp):
    """One frame as a JSON object: id, DLC, data, time, and the decoded fields (or unknown, or error)."""
    line = {"id": "0x%03X" % can_id, "extended": extended, "dlc": len(data), "data": data.hex().upper(),
            "t": round(timestamp, 6)}
    try:
        fields = decode(can_id, data)
        if fields is None:
            line["unknown"] = True
        else:
            line.update(fields)
    except ValueError as e:
        line["error"] = str(e)
    return line


def decode_lines(lines):
    status = 0
    for text in lines:
        text = text.strip()
        if not text:
            continue
        ident, _, payload = text.partition("#")
        line = line_of(int(ident, 16), len(ident) > 3, bytes.fromhex(payload), 0)
        status = 1 if "error" in line else status
        print(json.dumps(line), flush=True)
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interface", default="socketcan")
    parser.add_argument("--channel", default="vcan0")
    parser.add_argument("--bitrate", type=int, default=500000)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--sets", type=int, default=0)
    parser.add_argument("--keepalive", type=float, default=0)
    parser.add_argument("--decode", action="store_true")
    args = parser.parse_args()
    if args.decode:
        return decode_lines(sys.stdin)
    try:
        import can
    except ImportError as e:
        print("python-can is missing (%s): apt-get install python3-can" % e, file=sys.stderr)
        return 2
    try:
        kwargs = {"interface": args.interface, "channel": args.channel}
        if args.interface == "slcan":
            kwargs["bitrate"] = args.bitrate
        bus = can.Bus(**kwargs)
    except Exception as e:  # python-can raises several types; any of them means the bus is not there
        print("cannot open %s %s: %s" % (args.interface, args.channel, e), file=sys.stderr)
        return 2
    print(json.dumps({"ready": args.interface + ":" + args.channel}), flush=True)
    status = 0
    counts = {}
    pending = set(V12_SET)
    sets = 0
    end = time.monotonic() + args.seconds
    keepalives = 0
    next_keepalive = time.monotonic() if args.keepalive > 0 else float("inf")
    try:
        while time.monotonic() < end and (args.sets <= 0 or sets < args.sets):
            if time.monotonic() >= next_keepalive:
                bus.send(can.Message(arbitration_id=0x305, is_extended_id=False, data=bytes(8)))
                keepalives += 1
                next_keepalive += args.keepalive
            wait = min(0.5, end - time.monotonic(), next_keepalive - time.monotonic())
            msg = bus.recv(timeout=max(0.0, wait))
            if msg is None or msg.is_error_frame or msg.is_remote_frame:
                continue
            line = line_of(msg.arbitration_id, msg.is_extended_id, bytes(msg.data[:msg.dlc]), msg.timestamp)
            status = 1 if "error" in line else status
            print(json.dumps(line), flush=True)
            counts[line["id"]] = counts.get(line["id"], 0) + 1
            if not msg.is_extended_id and msg.arbitration_id in pending:
                pending.discard(msg.arbitration_id)
                if not pending:
                    sets += 1
                    pending = set(V12_SET)
    finally:
        bus.shutdown()
    summary = {"frames": counts, "complete_sets": sets}
    if args.keepalive > 0:
        summary["keepalives_sent"] = keepalives
    print(json.dumps({"summary": summary}), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
