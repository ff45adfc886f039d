import { IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export const isValidTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/** 'HH:mm' as minutes after local midnight; undefined when it is not such a time. */
export function localMinutes(time: string): number | undefined {
  const match = LOCAL_TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The wall-clock time of an instant in a zone, as minutes after local midnight (seconds ignored). */
export function wallMinutes(ms: number, zone: string): number {
  const wall = new Date(wallClockMs(ms, zone));
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

export function localDateOf(ms: number, zone: string): LocalDate {
  const wall = new Date(wallClockMs(ms, zone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

export function plusDays(date: LocalDate, days: number): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The wall clock's reading in `zone` at `ms`, written as if it were a UTC time (for reading its fields). */
export function wallClockMs(ms: number, zone: string): number {
  return ms + offsetMinutes(ms, zone) * MINUTE_MS;
}

/**
 * The earliest instant after `notBefore` whose wall clock in `zone` reads `minutes` on `date`. DST-safe without
 * trusting a library's choice: a time that happens twice (autumn) yields the first occurrence after `notBefore`;
 * a time that never happens (spring gap) yields the instant the clocks jumped past it.
 */
export function instantAtWallTime(date: LocalDate, minutes: number, zone: string, notBefore = Number.NEGATIVE_INFINITY): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60);
  const offsets = [...new Set([-36, -12, 12, 36].map((hours) => offsetMinutes(wall + hours * HOUR_MS, zone)))];
  const occurrences = offsets
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((ms) => offsetMinutes(ms, zone) * MINUTE_MS === wall - ms)
    .sort((a, b) => a - b);
  const candidate = occurrences.length > 0
    ? occurrences.find((ms) => ms > notBefore)
    : transitionWithin(wall - Math.max(...offsets) * MINUTE_MS, wall - Math.min(...offsets) * MINUTE_MS, zone);
  if (candidate === undefined || candidate <= notBefore) {
    throw new RangeError(`${JSON.stringify(date)} ${minutes} min in ${zone} is not after ${new Date(notBefore).toISOString()}`);
  }
  return candidate;
}

/** The first minute in [from, to] at which the zone's offset is the one it has at `to` (binary search). */
function transitionWithin(from: number, to: number, zone: string): number {
  const target = offsetMinutes(to, zone);
  let lo = Math.floor(from / MINUTE_MS);
  let hi = Math.ceil(to / MINUTE_MS);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutes(mid * MINUTE_MS, zone) === target) hi = mid;
    else lo = mid + 1;
  }
  return hi * MINUTE_MS;
}

/** The zone's offset from UTC at `ms`, in minutes (luxon reads the IANA database through Intl and caches it). */
export function offsetMinutes(ms: number, zone: string): number {
  const offset = ianaZone(zone).offset(ms);
  if (!Number.isFinite(offset)) throw new RangeError(`Cannot read ${new Date(ms).toISOString()} in time zone ${zone}`);
  return offset;
}

function ianaZone(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown time zone ${name}`);
  return zone;
}
