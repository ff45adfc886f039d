import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { childEntry } from '../../../kernel/src/testing/child-entry';

const REPO_ROOT = resolve(__dirname, '../../../..');

/** Spawns the appender, SIGKILLs it once it has acknowledged `minimum` appends; returns the acknowledged revisions. */
export function runAndKill(target: string, id: string, minimum: number): Promise<number[]> {
  const child = spawn(
    process.execPath,
    [...childEntry('libs/event-store/src/testing/crash-appender.script.ts'), target, id],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const acknowledged: number[] = [];
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      acknowledged.push(...lines.map(Number));
      if (acknowledged.length >= minimum && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(acknowledged);
      else reject(new Error(`appender exited with ${code} before being killed: ${stderr}`));
    });
  });
}
