import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The nurture rules stay plain TypeScript; Nest and the command bus live only in nest/ (and *.module.ts). */
const FRAMEWORK = /from '(@nestjs\/[^']*|@crm\/(commands|projections|event-store|config)|@crm\/kernel\/nest|better-sqlite3|ioredis|kafkajs|pg|node:fs|node:http)'/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('libs/nurture boundaries', () => {
  it('keeps the framework, drivers and the command bus out of the pure rules', () => {
    const pure = sourceFiles(__dirname).filter((file) => {
      const path = relative(__dirname, file);
      return !path.startsWith('nest/') && !path.endsWith('.module.ts');
    });
    expect(pure.length).toBeGreaterThan(5);
    expect(pure.filter((file) => FRAMEWORK.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
