import { LeadErrorCode } from '../../lead.errors';
import { RegisteredLeadState, TestDriveState } from '../lead-state';
import { assertNotBefore } from './guards';
import { HOUR_MS, Rule, compact, fail, timeOf } from './values';

/**
 * scheduledFor is a booking, so it may lie in the future, unlike occurredAt. It may lie in the past only as far
 * as an interaction may be back-dated (a drive written down afterwards), counted from when it was booked.
 */
export const scheduleTestDrive: Rule<'ScheduleTestDrive'> = (command, lead) => {
  const { testDriveId, scheduledFor } = command.data;
  if (lead.testDrives[testDriveId]) {
    fail(LeadErrorCode.TestDriveAlreadyScheduled, `Test drive ${testDriveId} already exists`, 'testDriveId');
  }
  const { occurredAt, policy } = command.context;
  const earliest = timeOf(occurredAt, 'occurredAt') - policy.backdateWindowHours * HOUR_MS;
  if (timeOf(scheduledFor, 'scheduledFor') < earliest) {
    fail(LeadErrorCode.ScheduledInPast, `scheduledFor is more than ${policy.backdateWindowHours} hours before the booking`, 'scheduledFor');
  }
  return [{ type: 'TestDriveScheduled', data: { ...command.data } }];
};

export const completeTestDrive: Rule<'CompleteTestDrive'> = (command, lead) => {
  const { testDriveId, feedback } = command.data;
  const testDrive = scheduledTestDrive(lead, testDriveId, command.context.occurredAt);
  return [{ type: 'TestDriveCompleted', data: compact({ testDriveId, model: testDrive.model, feedback }) }];
};

export const recordTestDriveNoShow: Rule<'RecordTestDriveNoShow'> = (command, lead) => {
  const { testDriveId, note } = command.data;
  const testDrive = scheduledTestDrive(lead, testDriveId, command.context.occurredAt);
  return [{ type: 'TestDriveMissed', data: compact({ testDriveId, model: testDrive.model, note }) }];
};

/** Its outcome happens after the booking was made (the appointment itself, scheduledFor, may be anywhen). */
function scheduledTestDrive(lead: RegisteredLeadState, testDriveId: string, occurredAt: string): TestDriveState {
  const testDrive = lead.testDrives[testDriveId];
  if (!testDrive) fail(LeadErrorCode.TestDriveNotFound, `No test drive ${testDriveId}`, 'testDriveId');
  if (testDrive.status !== 'scheduled') {
    const message = `Test drive ${testDriveId} is already ${testDrive.status}`;
    fail(LeadErrorCode.TestDriveNotScheduled, message, 'testDriveId');
  }
  assertNotBefore(occurredAt, testDrive.bookedAt, `test drive ${testDriveId} was booked`);
  return testDrive;
}
