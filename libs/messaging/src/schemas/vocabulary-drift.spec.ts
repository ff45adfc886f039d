import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNELS, INTENT_TIERS, LOST_REASONS, PAYMENT_METHODS, PURCHASE_TIMEFRAMES, TOUCH_CHANNELS } from '@crm/lead';
import { SCHEMAS_DIR } from './message-schemas';

/** The schemas' closed lists are the lead's vocabulary: a value added to one must reach the other. */
describe('lead-values.schema.json', () => {
  const defs = (JSON.parse(readFileSync(join(SCHEMAS_DIR, 'lead-values.schema.json'), 'utf8')) as { $defs: Record<string, { enum?: string[] }> }).$defs;

  it.each<[string, readonly string[]]>([
    ['channel', CHANNELS], ['purchaseTimeframe', PURCHASE_TIMEFRAMES], ['intentTier', INTENT_TIERS],
    ['paymentMethod', PAYMENT_METHODS], ['touchChannel', TOUCH_CHANNELS], ['lostReason', LOST_REASONS],
  ])('%s lists the same values as libs/lead', (name, values) => {
    expect(defs[name]?.enum).toEqual([...values]);
  });
});
