/** UTC ISO-8601 with milliseconds, as every occurredAt is written (toISOString): these compare as text. */
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Earlier first; text comparison when both are canonical (read models compare millions), else by parsing. */
export function compareInstants(a: string, b: string): number {
  if (CANONICAL.test(a) && CANONICAL.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}
