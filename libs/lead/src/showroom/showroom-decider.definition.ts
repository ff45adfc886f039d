import { Decider } from '@crm/kernel';
import { ShowroomCommand } from './showroom-commands';
import { SHOWROOM_EVENT_SCHEMA_VERSIONS, ShowroomEvent, ShowroomEventType } from './showroom-events';
import { decideShowroom } from './showroom.decider';

/** The door count keeps no state: counts commute, so its streams are appended without a revision check. */
export const showroomDecider: Decider<ShowroomCommand, ShowroomEvent, null> = {
  decide: (command) => decideShowroom(command),
  evolve: (state) => state,
  initialState: null,
  decode: (type, _version, data) => (type in SHOWROOM_EVENT_SCHEMA_VERSIONS ? ({ type, data } as ShowroomEvent) : undefined),
  schemaVersion: (type) => SHOWROOM_EVENT_SCHEMA_VERSIONS[type as ShowroomEventType] ?? 1,
  foldOrder: 'revision',
};
