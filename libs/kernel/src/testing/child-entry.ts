import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * The node arguments that run one of this repository's TypeScript entry points (a repo-relative `.ts` path) in a
 * child process. `npm test` compiles the tree once beforehand and names the output in CRM_TEST_BUILD: a child then
 * starts as plain JavaScript, which matters to the tests that start one twenty times and kill it. A test file run
 * on its own (`npx jest <file>`) has no build, and runs the source through ts-node.
 */
export function childEntry(script: string): string[] {
  const build = process.env.CRM_TEST_BUILD;
  if (build) return [join(REPO_ROOT, build, script.replace(/\.ts$/, '.js'))];
  return ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(REPO_ROOT, script)];
}
