/**
 * The pause before attempt `attempt + 1` after a lost race for a stream: short, doubling, with full jitter so that
 * writers that collided once do not collide again in step.
 */
export function backoffMs(attempt: number, baseMs = 2, maxMs = 100, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
