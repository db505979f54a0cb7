"""Draws Doorman's icon (a door in an archway) as PNGs at 16/32/48/128 px, and the toolbar's paused (grey) and
degraded (amber corner dot) variants at 16/32 px (src/background/toolbar.ts). Run: python3 scripts/make-icons.py"""
import struct, zlib, pathlib

def png(size, pixel):
    rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')

def pixel(x, y, n, bg=(37, 99, 235, 255), dot=None):
    u, v = (x + 0.5) / n, (y + 0.5) / n
    if dot and (u - 0.78) ** 2 + (v - 0.78) ** 2 < 0.22 ** 2:
        return (255, 255, 255, 255) if (u - 0.78) ** 2 + (v - 0.78) ** 2 > 0.16 ** 2 else dot
    r = 0.2  # rounded-square background
    dx, dy = max(r - u, 0, u - (1 - r)), max(r - v, 0, v - (1 - r))
    if dx * dx + dy * dy > r * r:
        return (0, 0, 0, 0)
    # door: arch-topped rectangle
    if 0.32 < u < 0.68 and 0.30 < v < 0.84:
        cx, cy = 0.5, 0.40
        if v > cy or (u - cx) ** 2 + (v - cy) ** 2 < 0.18 ** 2:
            if 0.56 < u < 0.61 and 0.56 < v < 0.62:
                return bg  # knob
            return (255, 255, 255, 255)
    return bg

out = pathlib.Path(__file__).resolve().parent.parent / 'public' / 'icons'
out.mkdir(parents=True, exist_ok=True)
for s in (16, 32, 48, 128):
    (out / f'icon-{s}.png').write_bytes(png(s, pixel))

PAUSED_BG = (107, 114, 128, 255)  # grey: Doorman is paused on this site
DEGRADED_DOT = (217, 119, 6, 255)  # amber: the site's markup changed, Doorman filters less
for s in (16, 32):
    (out / f'icon-paused-{s}.png').write_bytes(png(s, lambda x, y, n: pixel(x, y, n, bg=PAUSED_BG)))
    (out / f'icon-degraded-{s}.png').write_bytes(png(s, lambda x, y, n: pixel(x, y, n, dot=DEGRADED_DOT)))
