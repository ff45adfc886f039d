import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@crm/kernel';
import { issueToken } from '../../apps/api/src/auth/token-issuer';
import { freePort, ServerProcess, spawnServer, waitUntilHealthy } from './support/server-process';
import { registration } from './support/test-app';

const SECRET = 'crash-test-secret-0123456789';
// The server runs on the system clock, so the token is made by it too.
const token = issueToken(SECRET, { id: 'consultant-1', role: 'consultant', dealerId: 'dealer-sh-01' }, new SystemClock());
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

interface Acknowledged {
  leadId: string;
  eventIds: string[];
}

async function post(baseUrl: string, path: string, body: unknown): Promise<{ status: number; body: { leadId: string; events: Array<{ metadata: { eventId: string } }> } }> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as never };
}

describe('kill -9 during a burst of appends', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the events of every command that got a 2xx', async () => {
    const env = { NODE_ENV: 'test', JWT_SECRET: SECRET, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', PORT: String(await freePort()) };
    server = spawnServer(env);
    await waitUntilHealthy(server);
    const acknowledged: Acknowledged[] = [];
    const leads: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const res = await post(server.baseUrl, '/leads', registration());
      expect(res.status).toBe(201);
      leads.push(res.body.leadId);
      acknowledged.push({ leadId: res.body.leadId, eventIds: res.body.events.map((e) => e.metadata.eventId) });
    }

    let stop = false;
    const worker = async (w: number): Promise<void> => {
      for (let n = 0; !stop; n += 1) {
        const leadId = leads[(w + n) % leads.length]!;
        try {
          const res = await post(server!.baseUrl, `/leads/${leadId}/calls`, { direction: 'outbound', outcome: 'connected' });
          if (res.status === 201) acknowledged.push({ leadId, eventIds: res.body.events.map((e) => e.metadata.eventId) });
        } catch {
          return; // the server is gone
        }
      }
    };
    const burst = Array.from({ length: 16 }, (_, w) => worker(w));
    const deadline = Date.now() + 30_000;
    while (acknowledged.length < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(burst);

    server = spawnServer(env);
    await waitUntilHealthy(server);
    const stored = new Set<string>();
    for (const leadId of leads) {
      for (let after = -1; ;) {
        const res = await fetch(`${server.baseUrl}/leads/${leadId}/events?after=${after}&limit=500`, { headers });
        const page = (await res.json()) as { events: Array<{ metadata: { eventId: string } }>; nextAfter: number | null };
        page.events.forEach((e) => stored.add(e.metadata.eventId));
        if (page.nextAfter === null) break;
        after = page.nextAfter;
      }
    }
    const missing = acknowledged.flatMap((a) => a.eventIds).filter((id) => !stored.has(id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);
    expect(missing).toEqual([]);
  }, 90_000);
});
