import { TouchChannel } from './touch-channel.port';

/**
 * The embedded default, with no server to talk to: the touch becomes an item on the staff's to-do list. The list
 * (GET /touches) is the touches read model, where a touch recorded as sent via 'tasks' waits for someone to do
 * it and complete it; so there is nothing to hand over here.
 */
export class TasksTouchChannel extends TouchChannel {
  readonly name = 'tasks' as const;

  override async send(): Promise<void> {
    return undefined;
  }
}
