/**
 * HTTP command throughput: the real API in a child process on a temp DATA_DIR, LogCall commands posted over
 * keep-alive connections by 1 and by 32 concurrent clients. Prints commands/s, p50 and p99.
 *   npx ts-node --transpile-only -r tsconfig-paths/register test/bench/http-commands.bench.ts [count] [leads]
 * PROJECTIONS_IN_PROCESS, READ_STORE, BODY_LIMIT, LOG_LEVEL (default warn), SQLITE_SYNCHRONOUS, EVENT_STORE and
 * DATABASE_URL pass through to the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@crm/kernel';
import { issueToken } from '../../apps/api/src/auth/token-issuer';
import { freePort, spawnServer, waitUntilHealthy } from '../e2e/support/server-process';
import { HttpAnswer, KeepAliveConnection } from './http-client';
import { readFileSync } from 'node:fs';

const COUNT = Number(process.argv[2] ?? 5000);
const LEADS = Number(process.argv[3] ?? 200);
const SECRET = 'bench-secret-0123456789abcdef';
const TOKEN = issueToken(SECRET, { id: 'bench-1', role: 'crm_agent', dealerId: 'dealer-bench' }, new SystemClock());

const AUTH = `Authorization: Bearer ${TOKEN}\r\n`;

interface Target {
  port: number;
}

async function post(target: Target, path: string, body: unknown): Promise<HttpAnswer> {
  const connection = await KeepAliveConnection.open(target.port);
  try {
    return await connection.post(path, AUTH, JSON.stringify(body));
  } finally {
    connection.close();
  }
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function registerLeads(target: Target, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const phone = `137${String(i).padStart(8, '0')}`;
    const res = await post(target, '/leads', { name: `Bench ${i}`, phone, channel: 'website', marketingConsent: true });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.body}`);
    ids.push((JSON.parse(res.body) as { leadId: string }).leadId);
  }
  return ids;
}

async function run(target: Target, serverPid: number, leads: string[], clients: number, count: number) {
  const latencies: number[] = [];
  const body = JSON.stringify({ direction: 'outbound', outcome: 'no_answer' });
  let next = 0;
  let failures = 0;
  const client = async (): Promise<void> => {
    const connection = await KeepAliveConnection.open(target.port);
    while (next < count) {
      const n = next++;
      const leadId = leads[n % leads.length]!;
      const started = process.hrtime.bigint();
      const res = await connection.post(`/leads/${leadId}/calls`, AUTH, body);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.status !== 201) failures += 1;
    }
    connection.close();
  };
  const serverCpu = cpuSeconds(serverPid);
  const clientCpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const serverShare = (cpuSeconds(serverPid) - serverCpu) / seconds;
  const clientUsage = process.cpuUsage(clientCpu);
  const clientShare = (clientUsage.user + clientUsage.system) / 1e6 / seconds;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return { clients, commands: count, perSecond: Math.round(count / seconds), p50: pct(0.5), p99: pct(0.99), failures, serverShare, clientShare };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const port = await freePort();
  const passthrough = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(PROJECTIONS_IN_PROCESS|READ_STORE|BODY_LIMIT|LOG_LEVEL|SQLITE_SYNCHRONOUS|EVENT_STORE|DATABASE_URL)$/.test(k))) as Record<string, string>;
  const server = spawnServer({ NODE_ENV: 'test', JWT_SECRET: SECRET, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...passthrough });
  try {
    await waitUntilHealthy(server);
    const target: Target = { port };
    const pid = server.child.pid ?? 0;
    const leads = await registerLeads(target, LEADS);
    await run(target, pid, leads, 8, Math.min(2000, COUNT)); // warm-up
    const rows = [await run(target, pid, leads, 1, COUNT), await run(target, pid, leads, 32, COUNT)];
    process.stdout.write('clients  commands  commands/s  p50 ms  p99 ms  failures  server CPU  client CPU\n');
    for (const r of rows) {
      process.stdout.write(`${String(r.clients).padStart(7)}  ${String(r.commands).padStart(8)}  ${String(r.perSecond).padStart(10)}  ${r.p50.toFixed(2).padStart(6)}  ${r.p99.toFixed(2).padStart(6)}  ${String(r.failures).padStart(8)}  ${(r.serverShare * 100).toFixed(0).padStart(9)}%  ${(r.clientShare * 100).toFixed(0).padStart(9)}%\n`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
