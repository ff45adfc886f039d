import { derivedId } from '@crm/kernel';
import { joined, left } from '../testing/dealer-specification';
import { LEAD, actor, assessed, givenLead, plannedId, registered } from '../testing/saga-specification';
import { HandOff, assignmentAfterRouting, scheduleTouch } from './nurture-commands';

const team = [joined('c-li'), joined('c-zhao')];
const handOff = (reason: HandOff['reason'], preferredConsultantIds: string[] = [], changes = 0): HandOff => ({
  kind: 'hand_off', leadId: LEAD, dealerId: 'dealer-sh-01', routingId: derivedId(LEAD, 'hand_off', String(changes)), reason, preferredConsultantIds,
});
const invitation = scheduleTouch(LEAD, {
  touchId: plannedId('cadence.T1.showroom_invitation'), purpose: 'showroom_invitation', channel: 'call', dueAt: '2026-01-06T02:00:00.000Z',
  marketing: true, rule: 'cadence.T1.showroom_invitation', content: 'product_comparison',
});

describe('Nurture saga: hand-off to a consultant', () => {
  it('a lead that becomes T1 gets the showroom invitation within two days and goes to a consultant', () => {
    givenLead([registered()], team).when({ event: assessed('T1') }).then([invitation, handOff('hot_tier')]);
  });

  it('prefers the consultant who served the lead last', () => {
    const served = [
      { type: 'ConsultantAssigned' as const, data: { consultantId: 'c-zhao', reason: 'manual' as const } },
      { type: 'LeadReturnedToNurturing' as const, data: { consultantId: 'c-zhao', reason: 'follow_up_stalled' as const } },
    ];
    givenLead([registered(), ...served], team).when({ event: assessed('T1') }).then([invitation, handOff('hot_tier', ['c-zhao'], 2)]);
  });

  it('hands nothing over while a consultant owns the lead, or when the dealer has no consultant', () => {
    const owned = { type: 'ConsultantAssigned' as const, data: { consultantId: 'c-li', reason: 'manual' as const } };
    expect(givenLead([registered(), owned], team).decide({ event: assessed('T1') }).map((c) => c.kind)).toEqual(['lead']);
    givenLead([registered()], [joined('c-li'), left('c-li')]).when({ event: assessed('T1') }).then([invitation]);
  });

  it('a walk-in registration goes to the consultant who recorded it; a web lead stays with the CRM agents', () => {
    const walkIn = registered({ channel: 'walk_in' });
    givenLead([], team).when({ event: walkIn, actor: actor('consultant', 'c-zhao') }).then([handOff('walk_in', ['c-zhao'])]);
    givenLead([], team).when({ event: walkIn, actor: actor('crm_agent') }).then([handOff('walk_in')]);
    givenLead([], team).when({ event: registered() }).then([]);
  });

  it('a lead walking into the showroom goes to a consultant', () => {
    givenLead([registered()], team).when({ event: { type: 'ShowroomVisited', data: {} }, actor: actor('consultant', 'c-li') })
      .then([handOff('walk_in', ['c-li'])]);
  });

  it('a walk-in registered as T1 is handed off once: both events name the same routing', () => {
    const walkIn = registered({ channel: 'walk_in' });
    const byRegistration = givenLead([], team).decide({ event: walkIn });
    const byAssessment = givenLead([walkIn], team).decide({ event: assessed('T1') }).filter((c) => c.kind === 'hand_off');
    expect((byAssessment[0] as HandOff).routingId).toBe((byRegistration[0] as HandOff).routingId);
  });

  it('assigns the routed consultant on the lead, marked with the routing so a repeat records nothing', () => {
    expect(assignmentAfterRouting(handOff('hot_tier'), 'c-li')).toEqual({
      kind: 'lead', leadId: LEAD, command: { type: 'AssignConsultant', data: { consultantId: 'c-li', reason: 'hot_tier', handoffId: handOff('hot_tier').routingId } },
    });
  });
});
