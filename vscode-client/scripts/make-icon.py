#!/usr/bin/env python3
"""Draws media/icon.png (128x128): three linked tables under a lens.

Standard library only (zlib + struct), supersampled 4x for smooth edges, so the
icon can be regenerated anywhere: python3 scripts/make-icon.py
"""
import math
import struct
import zlib
from pathlib import Path

SIZE = 128
SS = 4  # supersampling factor
N = SIZE * SS

BACKGROUND = (32, 55, 84)
TABLE = (236, 242, 248)
HEADER = (88, 182, 130)
LINK = (160, 190, 220)
LENS = (250, 196, 70)


def inside_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, ax, ay, bx, by, width):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2


def colour_at(x, y):
    """Colour of the point (x, y) in 0..128 icon units, or None for transparent."""
    if not inside_round_rect(x, y, 2, 2, 126, 126, 22):
        return None
    c = BACKGROUND
    tables = [(14, 16, 52, 46), (70, 16, 108, 46), (42, 74, 80, 104)]
    for ax, ay, bx, by in [(52, 31, 70, 31), (33, 46, 50, 74), (89, 46, 72, 74)]:
        if near_segment(x, y, ax, ay, bx, by, 4):
            c = LINK
    for x0, y0, x1, y1 in tables:
        if inside_round_rect(x, y, x0, y0, x1, y1, 4):
            c = HEADER if y < y0 + 10 else TABLE
            if y >= y0 + 10 and any(abs(y - (y0 + 10 + 7 * k)) < 1.0 for k in range(1, 4)):
                c = (190, 205, 220)
    # The lens: a ring and a handle.
    d = math.hypot(x - 74, y - 78)
    if 22 <= d <= 29:
        c = LENS
    if near_segment(x, y, 95, 99, 116, 120, 10):
        c = LENS
    return c


def main():
    rows = []
    for py in range(SIZE):
        row = bytearray([0])  # filter type: none
        for px in range(SIZE):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    c = colour_at((px * SS + sx + 0.5) / SS, (py * SS + sy + 0.5) / SS)
                    if c is not None:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 255
            covered = acc[3] // 255
            if covered:
                row += bytes([acc[0] // covered, acc[1] // covered, acc[2] // covered, acc[3] // (SS * SS)])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
    png += chunk(b"IEND", b"")
    out = Path(__file__).resolve().parent.parent / "media" / "icon.png"
    out.write_bytes(png)
    print(f"wrote {out} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
