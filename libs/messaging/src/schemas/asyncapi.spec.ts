import { Parser, fromFile } from '@asyncapi/parser';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LEAD_EVENT_SCHEMA_VERSIONS } from '@crm/lead';
import { LEAD_TOPICS } from '../topics';
import { SCHEMAS_DIR } from './message-schemas';

const DOCUMENT = join(__dirname, '..', '..', 'asyncapi.yaml');

describe('asyncapi.yaml', () => {
  it('loads with the standard parser, without errors, and describes every topic and message type', async () => {
    const { document, diagnostics } = await fromFile(new Parser(), DOCUMENT).parse();
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
    const addresses = document!.channels().all().map((c) => c.address());
    expect(addresses.sort()).toEqual(Object.values(LEAD_TOPICS).sort());
    const names = document!.messages().all().map((m) => m.name());
    for (const type of Object.keys(LEAD_EVENT_SCHEMA_VERSIONS)) expect(names).toContain(`crm.lead.${type}`);
    expect(names).toEqual(expect.arrayContaining(['crm.lead.FunnelStageChanged', 'crm.lead.IntentTierChanged', 'crm.lead.TouchDue']));
    // The payloads are the schema files themselves (resolved), not copies.
    const registered = document!.messages().all().find((m) => m.name() === 'crm.lead.LeadRegistered');
    expect(JSON.stringify(registered?.payload()?.json())).toContain('https://schemas.crm.local/messaging/lead-events/LeadRegistered.schema.json');
  });

  it('has a schema file for every lead event type', () => {
    const files = readdirSync(join(SCHEMAS_DIR, 'lead-events')).map((f) => f.replace('.schema.json', ''));
    expect(files.sort()).toEqual(Object.keys(LEAD_EVENT_SCHEMA_VERSIONS).sort());
  });
});
