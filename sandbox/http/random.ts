import { mulberry32 } from '@/lib/demo/mulberry32';

/**
 * A seeded pseudo-random source (mulberry32), so a fault run can be replayed exactly. Without a
 * seed it draws from Math.random.
 */
export type Random = () => number;

export function createRandom(seed?: number): Random {
  return seed === undefined ? Math.random : mulberry32(seed);
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
