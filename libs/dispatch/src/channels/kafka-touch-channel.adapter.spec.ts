import { RecordingTouchPublisherFake } from '../testing/recording-touch-publisher.fake';
import { KafkaTouchChannel } from './kafka-touch-channel.adapter';
import { TouchMessage } from './touch-message';

const message: TouchMessage = {
  touchId: 't-1', leadId: 'lead-1', dealerId: 'dealer-1', channel: 'wechat', purpose: 'birthday', dueAt: '2026-03-02T02:00:00.000Z',
};

describe('KafkaTouchChannel', () => {
  it('hands the touch to the publisher as it is, and fails when the publisher does', async () => {
    const publisher = new RecordingTouchPublisherFake();
    const channel = new KafkaTouchChannel(publisher);
    await channel.send(message);
    expect(publisher.published).toEqual([message]);
    publisher.failNext(1, 'broker unavailable');
    await expect(channel.send(message)).rejects.toThrow('broker unavailable');
    expect(channel.name).toBe('kafka');
  });
});
