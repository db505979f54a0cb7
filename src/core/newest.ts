// Keeping the most recent entries of a list past a cap, without reordering it.

/** Keeps the `max` entries with the largest `time`, in their original order. */
export function newest<T>(items: readonly T[], max: number, time: (t: T) => number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 0) return [];
  const cutoff = items.map(time).sort((a, b) => b - a)[max - 1] ?? 0;
  let ties = max - items.filter((it) => time(it) > cutoff).length;
  return items.filter((it) => {
    const t = time(it);
    return t > cutoff || (t === cutoff && ties-- > 0);
  });
}
