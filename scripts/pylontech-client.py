#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""An independent RS485 client for Pylontech low-voltage batteries, written from the protocol document.

It is pylon4j's outside witness: it imports nothing from pylon4j and shares no code with it, so when it reads a
simulated bank correctly, the simulator satisfies a client that only knows the protocol ("PYLON low voltage
Protocol RS485" V3.3, as summarised in docs/protocol.md §2).

Modelled on Frankkkkk/python-pylontech (pylontech/pylontech.py): the same tools (construct declares the frame and
the INFO layouts, pyserial talks at 115200 8N1) and the same requests (get_values = 0x42 INFO "FF" to ADR 2,
get_values_single = 0x42 INFO = ADR per module, get_system_parameters = 0x47, get_management_info = 0x92,
get_module_serial_number = 0x93, get_protocol_version = 0x4F, get_manufacturer_info = 0x51), plus 0x44 and 0x96
as its fork pshirshov/python-pylontech adds them. The code is our own. Where python-pylontech is known to be wrong
(docs/protocol.md §2.6: LCHKSUM when the nibble sum is a multiple of 16, 0x4F/0x51 sent to ADR 0, which real batteries ignore,
swapped names of 0x92 bits 5 and 4) this client follows the document instead.

Usage:  /usr/bin/python3 scripts/pylontech-client.py PORT [--baud 115200] [--master 2] [--timeout 2]
                                                       [--commands 4F,51,47,42,92,63] [--allow-rtn 04]

Prints one JSON document of everything it read to standard output and exits 0. Any protocol error (bad checksum,
bad LENGTH, a reply that does not parse, an RTN other than 0, no reply within the timeout) ends it with exit status 1
and one line on standard error naming the error; a port that cannot be opened gives exit status 2.

--commands asks only the listed commands (hex CID2s, in that order, each at the master: 0x42 and 0x44 with INFO FF
for the whole stack, 0x92, 0x93 and 0x96 with INFO = the master's ADR, 0x60, 0x61 and 0x63 with INFO empty, their
layouts the two emulators' of docs/protocol.md §2.5.12) instead of the full poll.
--allow-rtn lists return codes (hex) that do not end the run: such a reply is reported as one line on standard error
and under "refused" in the JSON, and the next command is asked.

Needs Debian's python3-construct and python3-serial (apt-get install python3 python3-construct python3-serial).
"""

import argparse
import json
import re
import sys

try:
    import construct
    import serial
    from construct import (Adapter, Array, Bytes, Checksum, Const, If, Int8ub, Int16sb, Int16ub, Int24ub,
                           PaddedString, PrefixedArray, RawCopy, Struct, Terminated, this)
except ImportError as missing:  # say what to install rather than print a traceback
    sys.stderr.write("pylontech-client: %s; apt-get install python3 python3-construct python3-serial\n" % missing)
    sys.exit(3)

CID1_BATTERY = 0x46  # docs/protocol.md §2.2: CID1 is always 0x46 for Pylontech
VERSION = 0x20       # docs/protocol.md §2.2: the VER batteries answer with and requests use
KELVIN_OFFSET = 2731  # docs/protocol.md §2.5: temperatures are 0.1 K with offset 2731
_HEX = re.compile(rb"[0-9A-Fa-f]*")


class ProtocolError(Exception):
    """A reply that breaks the protocol: the client stops with exit status 1."""


class RejectedError(ProtocolError):
    """A well-formed reply whose RTN is not 0 (docs/protocol.md §2.4): the battery said no."""

    def __init__(self, message, rtn):
        super().__init__(message)
        self.rtn = rtn


# ---------------------------------------------------------------------------------------------------------------
# The frame (docs/protocol.md §2.2): '~', then VER ADR CID1 CID2/RTN LENGTH INFO CHKSUM as ASCII hex, then CR.

class HexInt(Adapter):
    """An n-byte big-endian integer sent as 2n ASCII hex digits, high nibble first (docs/protocol.md §2.2)."""

    def __init__(self, nbytes):
        super().__init__(Bytes(2 * nbytes))
        self.nbytes = nbytes

    def _decode(self, obj, context, path):
        if not _HEX.fullmatch(obj):  # int(x, 16) would also take '+', '_' and spaces
            raise construct.ValidationError("not hex digits: %r" % obj)
        return int(obj, 16)

    def _encode(self, obj, context, path):
        return b"%0*X" % (2 * self.nbytes, obj)


class HexBytes(Adapter):
    """INFO: bytes sent as two ASCII hex digits each; the stream length is LENID characters."""

    def _decode(self, obj, context, path):
        if len(obj) % 2 or not _HEX.fullmatch(obj):
            raise construct.ValidationError("INFO is not an even number of hex digits: %r" % obj)
        return bytes.fromhex(obj.decode("ascii"))

    def _encode(self, obj, context, path):
        return obj.hex().upper().encode("ascii")


def lchksum(lenid):
    """LCHKSUM of a LENID: the 4-bit two's complement of its nibble sum; 0 when that sum is 0 mod 16 (§2.2)."""
    return -(((lenid >> 8) & 0xF) + ((lenid >> 4) & 0xF) + (lenid & 0xF)) & 0xF


def chksum(data):
    """CHKSUM: the 16-bit two's complement of the sum of the ASCII codes between SOI and CHKSUM (docs/protocol.md §2.2)."""
    return -sum(data) & 0xFFFF


Body = Struct(
    "ver" / HexInt(1),
    "adr" / HexInt(1),
    "cid1" / HexInt(1),
    "cid2" / HexInt(1),  # the RTN in a reply
    "length" / HexInt(2),  # LCHKSUM (4 bits) : LENID (12 bits)
    "info" / HexBytes(Bytes(this.length & 0x0FFF)),
)

Frame = Struct(
    Const(b"~"),
    "body" / RawCopy(Body),
    "chksum" / Checksum(HexInt(2), chksum, this.body.data),
    Const(b"\r"),
    Terminated,
)


def encode_request(adr, cid2, info=b""):
    lenid = 2 * len(info)
    length = lchksum(lenid) << 12 | lenid if lenid else 0
    return Frame.build(dict(body=dict(value=dict(ver=VERSION, adr=adr, cid1=CID1_BATTERY, cid2=cid2,
                                                 length=length, info=info)), chksum=None))


def decode_reply(raw, what):
    """Checks and parses one reply frame ('~' ... CR); returns its Body. Raises ProtocolError naming the fault."""
    if len(raw) < 18 or raw[:1] != b"~" or raw[-1:] != b"\r":
        raise ProtocolError("%s: not a frame (%d bytes): %r" % (what, len(raw), raw))
    # LENGTH sits at a fixed place; check it first, because with a wrong LENID nothing after INFO can be found
    length_text = raw[9:13]
    if not _HEX.fullmatch(length_text):
        raise ProtocolError("%s: bad length: LENGTH %r is not hex" % (what, length_text))
    length = int(length_text, 16)
    lenid = length & 0x0FFF
    info_chars = len(raw) - 18
    if lenid != info_chars:
        raise ProtocolError("%s: bad length: LENID says %d INFO characters, the frame has %d"
                            % (what, lenid, info_chars))
    if length >> 12 != lchksum(lenid):
        raise ProtocolError("%s: bad length: LCHKSUM %X, expected %X for LENID %d"
                            % (what, length >> 12, lchksum(lenid), lenid))
    try:
        frame = Frame.parse(raw)
    except construct.ChecksumError:
        raise ProtocolError("%s: bad checksum: CHKSUM %s, computed %04X over %r"
                            % (what, raw[-5:-1].decode("ascii", "replace"), chksum(raw[1:-5]), raw)) from None
    except construct.ConstructError as e:
        raise ProtocolError("%s: frame does not parse: %s" % (what, e)) from None
    body = frame.body.value
    if body.cid1 != CID1_BATTERY:
        raise ProtocolError("%s: CID1 %02X, not 46" % (what, body.cid1))
    if body.cid2 != 0x00:  # docs/protocol.md §2.4: the RTN of a normal reply
        raise RejectedError("%s: RTN %02X (not 00: the battery rejected the request)" % (what, body.cid2), body.cid2)
    return body


# ---------------------------------------------------------------------------------------------------------------
# INFO layouts (docs/protocol.md §2.5), big-endian.

class Volts(Adapter):
    """mV on the wire."""

    def _decode(self, obj, context, path):
        return obj / 1000

    def _encode(self, obj, context, path):
        return round(obj * 1000)


class Amps(Adapter):
    """0.1 A on the wire (docs/protocol.md §2.5.3, §2.5.5, §2.5.6; positive = charge)."""

    def _decode(self, obj, context, path):
        return obj / 10

    def _encode(self, obj, context, path):
        return round(obj * 10)


class Celsius(Adapter):
    """0.1 K with offset 2731 on the wire (docs/protocol.md §2.5)."""

    def _decode(self, obj, context, path):
        return (obj - KELVIN_OFFSET) / 10

    def _encode(self, obj, context, path):
        return round(obj * 10) + KELVIN_OFFSET


class AmpHours(Adapter):
    """mAh on the wire."""

    def _decode(self, obj, context, path):
        return obj / 1000

    def _encode(self, obj, context, path):
        return round(obj * 1000)


def ascii_text(length):
    # NUL-padded ASCII (docs/protocol.md §2.5.2); trailing spaces are padding too
    return PaddedString(length, "ascii")


# 0x51 (docs/protocol.md §2.5.2): no INFOFLAG
ManufacturerInfo = Struct(
    "deviceName" / ascii_text(10),
    "softwareVersion" / Array(2, Int8ub),
    "manufacturerName" / ascii_text(20),
    Terminated,
)

# One module's block of a 0x42 reply (docs/protocol.md §2.5.3). The user-defined item count says whether the 3-byte capacity
# fields follow (4, modules over 65 Ah) or not (2); it is read per module, as mixed stacks need.
ModuleAnalog = Struct(
    "cellVoltagesVolts" / PrefixedArray(Int8ub, Volts(Int16sb)),
    "temperaturesCelsius" / PrefixedArray(Int8ub, Celsius(Int16sb)),
    "currentAmps" / Amps(Int16sb),
    "voltageVolts" / Volts(Int16ub),
    "remainingCapacity1AmpHours" / AmpHours(Int16ub),
    "userDefinedItems" / Int8ub,
    "totalCapacity1AmpHours" / AmpHours(Int16ub),
    "cycles" / Int16ub,
    "capacity2" / If(this.userDefinedItems > 2, Struct(
        "remainingAmpHours" / AmpHours(Int24ub),
        "totalAmpHours" / AmpHours(Int24ub),
    )),
)

# 0x42 with INFO "FF" at the master: INFOFLAG, module count, then one block per module
StackAnalog = Struct(
    "infoFlag" / Int8ub,
    "moduleCount" / Int8ub,
    "modules" / Array(this.moduleCount, ModuleAnalog),
    Terminated,
)

# 0x42 with INFO = ADR: INFOFLAG, the command value echoed, one block
SingleAnalog = Struct(
    "infoFlag" / Int8ub,
    "commandValue" / Int8ub,
    "module" / ModuleAnalog,
    Terminated,
)

# One module's block of a 0x44 reply (docs/protocol.md §2.5.4): state bytes 0 normal, 1 below, 2 above, 0xF0 other error
ModuleAlarm = Struct(
    "cellVoltageStates" / PrefixedArray(Int8ub, Int8ub),
    "temperatureStates" / PrefixedArray(Int8ub, Int8ub),
    "chargeCurrentState" / Int8ub,
    "moduleVoltageState" / Int8ub,
    "dischargeCurrentState" / Int8ub,
    "status1" / Int8ub,
    "status2" / Int8ub,
    "status3" / Int8ub,
    "status4" / Int8ub,
    "status5" / Int8ub,
)

# A real US5000 sends one byte more than this layout (docs/protocol.md §2.5.4): trailing bytes are tolerated here, as a client
# for real batteries must, and reported in the output.
StackAlarm = Struct(
    "infoFlag" / Int8ub,
    "moduleCount" / Int8ub,
    "modules" / Array(this.moduleCount, ModuleAlarm),
    "trailing" / construct.GreedyBytes,
)

SingleAlarm = Struct(
    "infoFlag" / Int8ub,
    "commandValue" / Int8ub,
    "module" / ModuleAlarm,
    "trailing" / construct.GreedyBytes,
)

# 0x47 (docs/protocol.md §2.5.5): INFOFLAG, then twelve 16-bit values
SystemParameters = Struct(
    "infoFlag" / Int8ub,
    "cellHighVoltageVolts" / Volts(Int16ub),
    "cellLowVoltageVolts" / Volts(Int16ub),
    "cellUnderVoltageVolts" / Volts(Int16ub),
    "chargeHighTemperatureCelsius" / Celsius(Int16sb),
    "chargeLowTemperatureCelsius" / Celsius(Int16sb),
    "chargeCurrentLimitAmps" / Amps(Int16sb),
    "moduleHighVoltageVolts" / Volts(Int16ub),
    "moduleLowVoltageVolts" / Volts(Int16ub),
    "moduleUnderVoltageVolts" / Volts(Int16ub),
    "dischargeHighTemperatureCelsius" / Celsius(Int16sb),
    "dischargeLowTemperatureCelsius" / Celsius(Int16sb),
    "dischargeCurrentLimitAmps" / Amps(Int16sb),
    Terminated,
)

# 0x92 (docs/protocol.md §2.5.6): no INFOFLAG
Management = Struct(
    "commandValue" / Int8ub,
    "chargeVoltageLimitVolts" / Volts(Int16ub),
    "dischargeVoltageLimitVolts" / Volts(Int16ub),
    "chargeCurrentLimitAmps" / Amps(Int16sb),
    "dischargeCurrentLimitAmps" / Amps(Int16sb),
    "status" / Int8ub,
    Terminated,
)

# 0x63 (docs/protocol.md §2.5.12, the emulators' layout): 0x92's fields without the command value
SystemManagement = Struct(
    "chargeVoltageLimitVolts" / Volts(Int16ub),
    "dischargeVoltageLimitVolts" / Volts(Int16ub),
    "chargeCurrentLimitAmps" / Amps(Int16ub),
    "dischargeCurrentLimitAmps" / Amps(Int16ub),
    "status" / Int8ub,
    Terminated,
)

# 0x61 (docs/protocol.md §2.5.12, the two emulators' layout, 49 bytes, no INFOFLAG): an extreme is a u16 value then
# its location, module byte and cell (or sensor) byte
Extreme = Struct("value" / Int16ub, "module" / Int8ub, "position" / Int8ub)
SystemAnalog = Struct(
    "voltageMilliVolts" / Int16ub,
    "currentCentiAmps" / Int16sb,
    "stateOfChargePercent" / Int8ub,
    "averageCycles" / Int16ub,
    "maximumCycles" / Int16ub,
    "averageStateOfHealthPercent" / Int8ub,
    "minimumStateOfHealthPercent" / Int8ub,
    "maximumCellVoltage" / Extreme,
    "minimumCellVoltage" / Extreme,
    "averageCellTemperatureDeciKelvin" / Int16ub,
    "maximumCellTemperature" / Extreme,
    "minimumCellTemperature" / Extreme,
    "averageMosfetTemperatureDeciKelvin" / Int16ub,
    "maximumMosfetTemperature" / Extreme,
    "minimumMosfetTemperature" / Extreme,
    "averageBmsTemperatureDeciKelvin" / Int16ub,
    "maximumBmsTemperature" / Extreme,
    "minimumBmsTemperature" / Extreme,
    Terminated,
)

# 0x60 (docs/protocol.md §2.5.12, one emulator's layout, unverified): name, manufacturer, software version, module
# count, then a 16-character serial number per module
SystemBasicInfo = Struct(
    "deviceName" / construct.PaddedString(10, "ascii"),
    "manufacturerName" / construct.PaddedString(20, "ascii"),
    "softwareVersion" / Array(2, Int8ub),
    "moduleCount" / Int8ub,
    "serialNumbers" / Array(this.moduleCount, construct.PaddedString(16, "ascii")),
    Terminated,
)

# 0x93 (docs/protocol.md §2.5.7)
SerialNumber = Struct(
    "commandValue" / Int8ub,
    "serialNumber" / ascii_text(16),
    Terminated,
)

# 0x96 (docs/protocol.md §2.5.10)
SoftwareVersion = Struct(
    "commandValue" / Int8ub,
    "manufacturerVersion" / Array(2, Int8ub),
    "mainlineVersion" / Array(3, Int8ub),
    Terminated,
)


# ---------------------------------------------------------------------------------------------------------------
# Talking

class Client:
    """One serial port, one request at a time: write a request, read up to CR, check, parse."""

    def __init__(self, port, baud, timeout):
        self.port = serial.Serial(port, baud, bytesize=8, parity=serial.PARITY_NONE, stopbits=1, timeout=timeout)
        self.timeout = timeout
        self.discarded = 0

    def close(self):
        self.port.close()

    def request(self, adr, cid2, info=b"", what=None):
        what = what or "reply to %02X at ADR %02X" % (cid2, adr)
        self.port.reset_input_buffer()  # a late byte of an earlier exchange is not this reply
        self.port.write(encode_request(adr, cid2, info))
        self.port.flush()
        raw = self.port.read_until(b"\r")  # the whole call is bounded by the port's timeout
        if not raw.endswith(b"\r"):
            raise ProtocolError("%s: timeout: no complete frame within %s s (got %d bytes: %r)"
                                % (what, self.timeout, len(raw), raw[:80]))
        start = raw.find(b"~")  # docs/protocol.md §2.1: noise may precede SOI; resynchronise on it and count what was skipped
        if start < 0:
            raise ProtocolError("%s: no SOI '~' before CR in %r" % (what, raw[:80]))
        self.discarded += start
        return decode_reply(raw[start:], what)

    def parse(self, layout, adr, cid2, info=b"", what=None):
        what = what or "reply to %02X at ADR %02X" % (cid2, adr)
        body = self.request(adr, cid2, info, what)
        try:
            return layout.parse(body.info)
        except construct.ConstructError as e:
            raise ProtocolError("%s: INFO does not fit the layout (%d bytes %s): %s"
                                % (what, len(body.info), body.info.hex().upper(), e)) from None


def plain(obj):
    """construct containers to JSON-ready dicts and lists, without construct's private entries."""
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items() if not k.startswith("_")}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if isinstance(obj, bytes):
        return obj.hex().upper()
    return obj


def analog_json(m):
    """One module's 0x42 block, with the capacities the user-defined count selects and SOC as python-pylontech."""
    m = plain(m)
    if m["userDefinedItems"] > 2:
        remaining, total = m["capacity2"]["remainingAmpHours"], m["capacity2"]["totalAmpHours"]
    else:
        remaining, total = m["remainingCapacity1AmpHours"], m["totalCapacity1AmpHours"]
    temps = m["temperaturesCelsius"]
    return {
        "cellCount": len(m["cellVoltagesVolts"]),
        "cellVoltagesVolts": m["cellVoltagesVolts"],
        "temperatureCount": len(temps),
        "bmsTemperatureCelsius": temps[0] if temps else None,
        "cellTemperaturesCelsius": temps[1:],
        "currentAmps": m["currentAmps"],
        "voltageVolts": m["voltageVolts"],
        "userDefinedItems": m["userDefinedItems"],
        "remainingCapacityAmpHours": remaining,
        "totalCapacityAmpHours": total,
        "stateOfCharge": remaining / total if total else None,
        "cycles": m["cycles"],
    }


def alarm_json(m):
    m = plain(m)
    return {k: m[k] for k in ("cellVoltageStates", "temperatureStates", "chargeCurrentState", "moduleVoltageState",
                              "dischargeCurrentState", "status1", "status2", "status3", "status4", "status5")}


def management_json(r):
    r = plain(r)
    s = r["status"]
    # bit names as the document has them (docs/protocol.md §2.5.6); python-pylontech swaps bits 5 and 4
    return {
        "chargeVoltageLimitVolts": r["chargeVoltageLimitVolts"],
        "dischargeVoltageLimitVolts": r["dischargeVoltageLimitVolts"],
        "chargeCurrentLimitAmps": r["chargeCurrentLimitAmps"],
        "dischargeCurrentLimitAmps": r["dischargeCurrentLimitAmps"],
        "status": s,
        "chargeEnabled": bool(s & 0x80),
        "dischargeEnabled": bool(s & 0x40),
        "chargeImmediately1": bool(s & 0x20),
        "chargeImmediately2": bool(s & 0x10),
        "fullChargeRequest": bool(s & 0x08),
    }


def check_echo(what, command_value, adr):
    if command_value != adr:
        raise ProtocolError("%s: command value %02X does not echo ADR %02X" % (what, command_value, adr))


def poll(client, master):
    """The poll python-pylontech's methods make, stack first, then every module the stack reply lists."""
    out = {}
    version = client.request(master, 0x4F)  # docs/protocol.md §2.5.1: the version is the reply's VER; INFO empty
    if version.info:
        raise ProtocolError("reply to 4F: INFO should be empty, has %d bytes" % len(version.info))
    out["protocolVersion"] = version.ver

    mi = plain(client.parse(ManufacturerInfo, master, 0x51))
    out["manufacturerInfo"] = {
        "deviceName": mi["deviceName"].rstrip(" \0"),
        "softwareVersion": "%d.%d" % tuple(mi["softwareVersion"]),
        "manufacturerName": mi["manufacturerName"].rstrip(" \0"),
    }

    sp = plain(client.parse(SystemParameters, master, 0x47))  # INFO empty, as the document has it
    sp.pop("infoFlag")
    out["systemParameters"] = sp

    stack = client.parse(StackAnalog, master, 0x42, b"\xff", "reply to 42 (whole stack) at ADR %02X" % master)
    modules = [analog_json(m) for m in stack.modules]
    remaining = sum(m["remainingCapacityAmpHours"] for m in modules)
    total = sum(m["totalCapacityAmpHours"] for m in modules)
    out["stack"] = {
        "infoFlag": stack.infoFlag,
        "moduleCount": stack.moduleCount,
        "modules": modules,
        "currentAmps": round(sum(m["currentAmps"] for m in modules), 1),
        "stateOfCharge": remaining / total if total else None,
    }

    alarms = client.parse(StackAlarm, master, 0x44, b"\xff", "reply to 44 (whole stack) at ADR %02X" % master)
    if alarms.moduleCount != stack.moduleCount:
        raise ProtocolError("reply to 44 (whole stack): %d modules, the 0x42 reply had %d"
                            % (alarms.moduleCount, stack.moduleCount))
    out["stackAlarms"] = {
        "infoFlag": alarms.infoFlag,
        "moduleCount": alarms.moduleCount,
        "modules": [alarm_json(m) for m in alarms.modules],
        "trailingBytes": len(alarms.trailing),
    }

    # docs/protocol.md §2.3: slaves follow the master at consecutive addresses; INFO = the module's ADR
    out["modules"] = []
    for adr in range(master, master + stack.moduleCount):
        one = bytes([adr])
        single = client.parse(SingleAnalog, adr, 0x42, one)
        check_echo("reply to 42 at ADR %02X" % adr, single.commandValue, adr)
        alarm = client.parse(SingleAlarm, adr, 0x44, one)
        check_echo("reply to 44 at ADR %02X" % adr, alarm.commandValue, adr)
        mgmt = client.parse(Management, adr, 0x92, one)
        check_echo("reply to 92 at ADR %02X" % adr, mgmt.commandValue, adr)
        sn = client.parse(SerialNumber, adr, 0x93, one)
        check_echo("reply to 93 at ADR %02X" % adr, sn.commandValue, adr)
        sw = plain(client.parse(SoftwareVersion, adr, 0x96, one))
        check_echo("reply to 96 at ADR %02X" % adr, sw["commandValue"], adr)
        out["modules"].append({
            "address": adr,
            "analog": analog_json(single.module),
            "alarms": alarm_json(alarm.module),
            "management": management_json(mgmt),
            "serialNumber": sn.serialNumber.rstrip(" \0"),
            "softwareVersion": {
                "manufacturer": "%d.%d" % tuple(sw["manufacturerVersion"]),
                "mainline": "%d.%d.%d" % tuple(sw["mainlineVersion"]),
            },
        })
    # what an inverter makes of the per-module 0x92 limits: the bank may take the sum
    out["managementSum"] = {
        "chargeCurrentLimitAmps": round(sum(m["management"]["chargeCurrentLimitAmps"] for m in out["modules"]), 1),
        "dischargeCurrentLimitAmps":
            round(sum(m["management"]["dischargeCurrentLimitAmps"] for m in out["modules"]), 1),
    }
    return out


def ask(client, master, cid2):
    """One command at the master, for --commands: returns (key, what it said) for the JSON."""
    if cid2 == 0x4F:
        version = client.request(master, 0x4F)
        return "protocolVersion", version.ver
    if cid2 == 0x51:
        mi = plain(client.parse(ManufacturerInfo, master, 0x51))
        return "manufacturerInfo", {"deviceName": mi["deviceName"].rstrip(" \0"),
                                    "softwareVersion": "%d.%d" % tuple(mi["softwareVersion"]),
                                    "manufacturerName": mi["manufacturerName"].rstrip(" \0")}
    if cid2 == 0x47:
        sp = plain(client.parse(SystemParameters, master, 0x47))
        sp.pop("infoFlag")
        return "systemParameters", sp
    if cid2 == 0x42:
        stack = client.parse(StackAnalog, master, 0x42, b"\xff", "reply to 42 (whole stack) at ADR %02X" % master)
        modules = [analog_json(m) for m in stack.modules]
        remaining = sum(m["remainingCapacityAmpHours"] for m in modules)
        total = sum(m["totalCapacityAmpHours"] for m in modules)
        return "stack", {"infoFlag": stack.infoFlag, "moduleCount": stack.moduleCount, "modules": modules,
                         "currentAmps": round(sum(m["currentAmps"] for m in modules), 1),
                         "stateOfCharge": remaining / total if total else None}
    if cid2 == 0x44:
        alarms = client.parse(StackAlarm, master, 0x44, b"\xff", "reply to 44 (whole stack) at ADR %02X" % master)
        return "stackAlarms", {"infoFlag": alarms.infoFlag, "moduleCount": alarms.moduleCount,
                               "modules": [alarm_json(m) for m in alarms.modules], "trailingBytes": len(alarms.trailing)}
    one = bytes([master])
    if cid2 == 0x92:
        mgmt = client.parse(Management, master, 0x92, one)
        check_echo("reply to 92 at ADR %02X" % master, mgmt.commandValue, master)
        return "management", management_json(mgmt)
    if cid2 == 0x93:
        sn = client.parse(SerialNumber, master, 0x93, one)
        check_echo("reply to 93 at ADR %02X" % master, sn.commandValue, master)
        return "serialNumber", sn.serialNumber.rstrip(" \0")
    if cid2 == 0x96:
        sw = plain(client.parse(SoftwareVersion, master, 0x96, one))
        check_echo("reply to 96 at ADR %02X" % master, sw["commandValue"], master)
        return "softwareVersion", {"manufacturer": "%d.%d" % tuple(sw["manufacturerVersion"]),
                                   "mainline": "%d.%d.%d" % tuple(sw["mainlineVersion"])}
    if cid2 == 0x61:
        return "systemAnalog", plain(client.parse(SystemAnalog, master, 0x61))
    if cid2 == 0x60:
        r = plain(client.parse(SystemBasicInfo, master, 0x60))
        r["deviceName"] = r["deviceName"].rstrip(" \0")
        r["manufacturerName"] = r["manufacturerName"].rstrip(" \0")
        r["serialNumbers"] = [n.rstrip(" \0") for n in r["serialNumbers"]]
        return "systemBasicInfo", r
    if cid2 == 0x63:
        r = plain(client.parse(SystemManagement, master, 0x63))
        s = r["status"]
        r.update(chargeEnabled=bool(s & 0x80), dischargeEnabled=bool(s & 0x40), forceCharge=bool(s & 0x20))
        return "systemManagement", r
    raise ValueError("command %02X is not one this client can ask" % cid2)


ASKABLE = (0x4F, 0x51, 0x47, 0x42, 0x44, 0x92, 0x93, 0x96, 0x60, 0x61, 0x63)


def hex_list(text):
    """'4F,51,0x47' -> [0x4F, 0x51, 0x47]; argparse turns the ValueError into a usage error."""
    return [int(part, 16) for part in text.split(",") if part.strip()]


def ask_each(client, master, commands, allowed):
    """--commands: each command in turn; an RTN in allowed is reported and the run goes on."""
    out = {"refused": []}
    for cid2 in commands:
        try:
            key, value = ask(client, master, cid2)
            out[key] = value
        except RejectedError as e:
            if e.rtn not in allowed:
                raise
            sys.stderr.write("pylontech-client: refused: %s\n" % e)
            out["refused"].append({"command": "%02X" % cid2, "rtn": "%02X" % e.rtn})
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description="Poll a Pylontech LV stack over RS485 and print what it says as JSON.")
    p.add_argument("port", help="serial port, e.g. /dev/ttyUSB0 or a pseudo-terminal")
    p.add_argument("--baud", type=int, default=115200, help="bit rate (115200 unless DIP switch 1 is up: 9600)")
    p.add_argument("--master", type=lambda s: int(s, 0), default=0x02, help="ADR of the stack master (2)")
    p.add_argument("--timeout", type=float, default=2.0, help="seconds to wait for each reply (2)")
    p.add_argument("--commands", type=hex_list, default=None,
                   help="ask only these commands at the master, hex CID2s in order (e.g. 4F,51,47,42,92,63)")
    p.add_argument("--allow-rtn", type=hex_list, default=[],
                   help="return codes (hex, e.g. 04) reported as a line on standard error instead of failing")
    args = p.parse_args(argv)
    if args.commands is not None:
        unknown = [c for c in args.commands if c not in ASKABLE]
        if unknown or not args.commands:
            p.error("--commands: ask one or more of %s, not %s"
                    % (",".join("%02X" % c for c in ASKABLE), ",".join("%02X" % c for c in unknown)))
    try:
        client = Client(args.port, args.baud, args.timeout)
    except (serial.SerialException, OSError) as e:
        sys.stderr.write("pylontech-client: cannot open %s: %s\n" % (args.port, e))
        return 2
    try:
        result = {"port": args.port, "baudRate": args.baud, "master": args.master}
        if args.commands is None:
            result.update(poll(client, args.master))
        else:
            result.update(ask_each(client, args.master, args.commands, set(args.allow_rtn)))
        result["discardedBytes"] = client.discarded
    except ProtocolError as e:
        sys.stderr.write("pylontech-client: protocol error: %s\n" % e)
        return 1
    finally:
        client.close()
    json.dump(result, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
