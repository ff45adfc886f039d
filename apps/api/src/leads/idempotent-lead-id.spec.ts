import { isUUID } from 'class-validator';
import { idempotentLeadId } from './idempotent-lead-id';

describe('idempotentLeadId', () => {
  const actor = { id: 'c-1', role: 'consultant' as const, dealerId: 'd-1' };

  it('is a UUID, the same for the same actor and key', () => {
    const id = idempotentLeadId(actor, 'key-1');
    expect(isUUID(id)).toBe(true);
    expect(idempotentLeadId(actor, 'key-1')).toBe(id);
  });

  it('differs by key, actor and dealer', () => {
    const id = idempotentLeadId(actor, 'key-1');
    expect(idempotentLeadId(actor, 'key-2')).not.toBe(id);
    expect(idempotentLeadId({ ...actor, id: 'c-2' }, 'key-1')).not.toBe(id);
    expect(idempotentLeadId({ ...actor, dealerId: 'd-2' }, 'key-1')).not.toBe(id);
  });
});
