import { Command } from 'commander';

/**
 * Runs a CLI sub-command in this process, as `npm run cli` would, with `env` added to the environment for the call
 * only, and returns what it printed on stdout.
 */
export async function runCliInProcess(register: (program: Command) => unknown, env: Record<string, string>, args: string[]): Promise<string> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const printed: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    const program = new Command('cli').exitOverride();
    register(program);
    await program.parseAsync(['node', 'cli', ...args]);
  } finally {
    spy.mockRestore();
    process.env = saved;
  }
  return printed.join('');
}
