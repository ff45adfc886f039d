import { CommandContext } from '../commands/lead-commands';

/** The door count of people who came in and left without giving their details (未留档). */
export type CountUnrecordedWalkIn = {
  type: 'CountUnrecordedWalkIn';
  data: { visitors: number; consultantId?: string; intendedModel?: string; note?: string };
  context: CommandContext;
};

export type ShowroomCommand = CountUnrecordedWalkIn;
