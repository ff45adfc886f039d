import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Code that runs in production: not specs, test support or fakes. */
function runtimeSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' || name === 'node_modules' ? [] : runtimeSources(path);
    return /\.ts$/.test(name) && !/\.(spec|e2e-spec)\.ts$|\.fake\.ts$/.test(name) ? [path] : [];
  });
}

/** `import ... from 'x'`, `import 'x'`, `require('x')`: the package a specifier names, or undefined for local code. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('@crm/')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] ?? specifier;
  return builtinModules.includes(name) ? undefined : name;
}

describe('package.json', () => {
  it('declares in dependencies every package the apps and libs load at run time', () => {
    const files = ['apps', 'libs'].flatMap((dir) => runtimeSources(join(ROOT, dir)));
    const undeclared = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/(?:from\s+|import\s+|require\()\s*'([^']+)'/g)].map((match) => match[1] ?? '');
      return specifiers.map(packageOf).filter((name): name is string => name !== undefined && !(name in manifest.dependencies))
        .map((name) => `${relative(ROOT, file)}: ${name}`);
    });
    expect(files.length).toBeGreaterThan(50);
    expect([...new Set(undeclared)]).toEqual([]);
  });
});
