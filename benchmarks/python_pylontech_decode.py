#!/usr/bin/env python3
"""Decodes an RS485 log with python-pylontech's own code, for decode-vs-python.sh: the yardstick of `pylon decode`.

Usage: python_pylontech_decode.py PYTHON_PYLONTECH_DIR LOG

PYTHON_PYLONTECH_DIR is a checkout of https://github.com/Frankkkkk/python-pylontech (not part of this repository;
fetched by hand). Its module is imported from there and used as its own read path does (Pylontech.read_frame, then
the get_* method's construct layout): every line holding a frame ('~...') goes through Pylontech._decode_hw_frame
(checksum) and Pylontech._decode_frame (the header and INFO construct), and a response is parsed further with the
layout python-pylontech has for the request before it: 0x42 get_values_single_fmt, 0x47 system_parameters_fmt,
0x51 manufacturer_info_fmt, 0x92 management_info_fmt, 0x93 module_serial_number_fmt (info offsets as in its get_*
methods). Commands it has no layout for (0x4F, 0x44, 0x96) are framed only. Nothing is printed per line (pylon
decode writes JSON besides): this favours python-pylontech. Counts go to standard error.

Needs Debian's python3-construct. pyserial is imported by the module but not used here: a stand-in is put in its
place when it is not installed.
"""
import sys
import types


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python_pylontech_decode.py PYTHON_PYLONTECH_DIR LOG")
    repo, log = sys.argv[1], sys.argv[2]
    try:
        import serial  # noqa: F401  (python-pylontech imports it at load time)
    except ImportError:
        sys.modules["serial"] = types.ModuleType("serial")
    sys.path.insert(0, repo)
    from pylontech import Pylontech

    p = Pylontech.__new__(Pylontech)  # no serial port: only the decoding methods are used
    layouts = {
        0x42: (Pylontech.get_values_single_fmt, 1),
        0x47: (Pylontech.system_parameters_fmt, 1),
        0x51: (Pylontech.manufacturer_info_fmt, 0),
        0x92: (Pylontech.management_info_fmt, 1),
        0x93: (Pylontech.module_serial_number_fmt, 0),
    }
    framed = parsed = failed = 0
    last_request = None
    with open(log, "rb") as f:
        for line in f:
            start = line.find(b"~")
            if start < 0:
                continue
            raw = line[start:].rstrip(b"\r\n") + b"\r"  # as read_frame's readline() returns it
            try:
                frame = p._decode_frame(p._decode_hw_frame(raw_frame=raw))
                framed += 1
                cid2 = frame.cid2[0]
                if cid2 in layouts or cid2 in (0x4F, 0x44, 0x96):  # a request: the next response answers it
                    last_request = cid2
                    continue
                layout = layouts.get(last_request)
                last_request = None
                if layout is not None:
                    fmt, offset = layout
                    fmt.parse(frame.info[offset:])
                    parsed += 1
            except Exception:  # noqa: BLE001  a line python-pylontech cannot read is counted, as pylon counts it
                failed += 1
    print(f"python-pylontech: {framed} frames, {parsed} responses parsed by a layout, {failed} failed",
          file=sys.stderr)


if __name__ == "__main__":
    main()
