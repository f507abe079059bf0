#!/usr/bin/env python3
"""Writes the photo test images (PNG, with zlib only) beside this script. The JPEG
(portrait.jpg) was made once with poppler: pdftoppm -jpeg -f 1 -l 1 -scale-to-x 30 -scale-to-y 40 on
the first page of a PDF."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(name, width, height, color_type, row):
    """color_type 2: RGB, 6: RGBA, 0: grey; `row(y)` gives a row's bytes."""
    raw = b"".join(b"\0" + row(y) for y in range(height))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# 16x12 (4:3), a gradient, opaque.
png("landscape.png", 16, 12, 2, lambda y: bytes(v for x in range(16) for v in (x * 16, y * 20, 128)))
# 20x20 with alpha: a disc on transparent ground.
png("disc.png", 20, 20, 6, lambda y: bytes(v for x in range(20) for v in (
    (200, 40, 40, 255) if (x - 9.5) ** 2 + (y - 9.5) ** 2 < 81 else (0, 0, 0, 0))))
# 10001x1 grey: one pixel wider than the limit (a few dozen bytes).
png("too-wide.png", 10001, 1, 0, lambda y: bytes(10001))
