import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lead's rules stay plain TypeScript: no framework, driver or I/O may creep into libs/lead. */
const FORBIDDEN = /from '(@nestjs\/[^']*|@crm\/(?!kernel)[^']*|better-sqlite3|ioredis|kafkajs|pg|@eventstore\/[^']*|node:fs|node:http)'/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('libs/lead boundaries', () => {
  it('imports no framework, driver or I/O module', () => {
    const offenders = sourceFiles(__dirname).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
