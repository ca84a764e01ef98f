#!/usr/bin/env python3
"""The largest tile of a PMTiles v3 archive as stored (gzip'd), and where it is, read from the archive's
directories (PMTiles v3: a 127-byte header, then varint-encoded directories, gzip'd, whose entries give
each run of tiles its offset and length in the tile data section; entries with run length 0 point to
leaf directories). Prints "largest BYTES bytes (Z/X/Y), N tiles over LIMIT" for an optional LIMIT.
Usage: pmtiles_largest.py FILE.pmtiles [LIMIT]"""
import gzip
import struct
import sys


def varints(buf):
    value = shift = 0
    for byte in buf:
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            yield value
            value = shift = 0


def entries(data):
    it = varints(gzip.decompress(data))
    n = next(it)
    ids, last = [], 0
    for _ in range(n):
        last += next(it)
        ids.append(last)
    runs = [next(it) for _ in range(n)]
    lengths = [next(it) for _ in range(n)]
    offsets = []
    for i in range(n):
        v = next(it)
        offsets.append(offsets[-1] + lengths[i - 1] if v == 0 and i > 0 else v - 1)
    return zip(ids, runs, lengths, offsets)


def tile_zxy(tile_id):
    z, acc = 0, 0
    while acc + (1 << (2 * z)) <= tile_id:
        acc += 1 << (2 * z)
        z += 1
    pos, n = tile_id - acc, 1 << z
    x = y = 0
    s, t = 1, pos
    while s < n:  # Hilbert curve position to x, y
        rx = 1 & (t // 2)
        ry = 1 & (t ^ rx)
        if ry == 0:
            if rx == 1:
                x, y = s - 1 - x, s - 1 - y
            x, y = y, x
        x += s * rx
        y += s * ry
        t //= 4
        s *= 2
    return z, x, y


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    with open(path, "rb") as f:
        archive = f.read()
    root_off, root_len = struct.unpack_from("<QQ", archive, 8)
    leaf_off = struct.unpack_from("<Q", archive, 40)[0]
    largest, where, over = 0, None, 0
    stack = [archive[root_off:root_off + root_len]]
    while stack:
        for tile_id, run, length, offset in entries(stack.pop()):
            if run == 0:
                stack.append(archive[leaf_off + offset:leaf_off + offset + length])
                continue
            if length > largest:
                largest, where = length, tile_id
            if limit is not None and length > limit:
                over += run
    z, x, y = tile_zxy(where)
    print(f"largest {largest} bytes ({z}/{x}/{y})" + (f", {over} tiles over {limit}" if limit is not None else ""))


main()
