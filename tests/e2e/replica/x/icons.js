// The replica's own simple line icons (not X's artwork), drawn in a 24×24 box.

function rosette() {
  // A 12-point rosette like a verification badge, on a 22×22 box.
  let d = '';
  for (let i = 0; i < 24; i++) {
    const r = i % 2 === 0 ? 10.6 : 9.0;
    const a = (Math.PI * 2 * i) / 24 - Math.PI / 2;
    d += `${i === 0 ? 'M' : 'L'}${(11 + r * Math.cos(a)).toFixed(2)} ${(11 + r * Math.sin(a)).toFixed(2)}`;
  }
  // The check is cut out of the rosette (even-odd fill).
  return `${d}Z M9.6 15.2 5.8 11.4l1.4-1.4 2.4 2.4 5.2-5.6 1.5 1.3z`;
}

export const ICONS = { verified: rosette() };

const STROKE = {
  reply: 'M4.5 11a6.5 6.5 0 0 1 6.5-6.5h2a6.5 6.5 0 0 1 0 13h-2L6 20.5v-4A6.5 6.5 0 0 1 4.5 11z',
  retweet: 'M7 4 4 7l3 3M4 7h11a3 3 0 0 1 3 3v2.5M17 20l3-3-3-3M20 17H9a3 3 0 0 1-3-3v-2.5',
  like: 'M12 19.5s-7-4.3-8.6-8.7C2.3 7.6 4.4 5 7.2 5c1.9 0 3.2 1.1 4.8 3.1C13.6 6.1 14.9 5 16.8 5c2.8 0 4.9 2.6 3.8 5.8-1.6 4.4-8.6 8.7-8.6 8.7z',
  views: 'M5 20v-7M10 20V5M15 20v-9M20 20V9',
  bookmark: 'M6.5 3.5h11v17l-5.5-4-5.5 4z',
  home: 'M3.5 10.5 12 3.5l8.5 7V20.5h-5.5v-6h-6v6H3.5z',
  explore: 'M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM15.5 15.5 21 21',
  bell: 'M6 16.5v-5a6 6 0 0 1 12 0v5l1.5 1.5h-15zM10 20.5a2 2 0 0 0 4 0',
  mail: 'M3.5 5.5h17v13h-17zM3.5 6.5l8.5 6 8.5-6',
  person: 'M12 4a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM5 20.5c.5-4 3.3-6.5 7-6.5s6.5 2.5 7 6.5z',
  back: 'M20 12H5M11 5l-7 7 7 7',
  pin: 'M9 3.5h6l-1 6 3.5 3.5h-11L10 9.5zM12 13v8',
  logo: 'M5 4l14 16M19 4 5 20',
  gif: 'M4 5h16v14H4zM9 10H7v4h2v-2M12 10v4M15 14v-4h2',
  smile: 'M12 3.5a8.5 8.5 0 1 1 0 17 8.5 8.5 0 0 1 0-17zM8.5 14s1.2 2 3.5 2 3.5-2 3.5-2M9 9.5h.01M15 9.5h.01',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 8.5h.01',
};
const FILL = {
  liked: STROKE.like,
  more: 'M5 10.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
  play: 'M8 5v14l11-7z',
};

export function icon(name) {
  if (FILL[name]) return `<svg viewBox="0 0 24 24" aria-hidden="true"><g><path d="${FILL[name]}"></path></g></svg>`;
  const d = STROKE[name] || STROKE.bell;
  const w = name === 'logo' ? 3 : 1.8;
  return `<svg viewBox="0 0 24 24" aria-hidden="true"><g fill="none" stroke="currentColor" stroke-width="${w}" stroke-linecap="round" stroke-linejoin="round"><path d="${d}"></path></g></svg>`;
}
