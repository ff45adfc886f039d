import { OutgoingMessage } from '../envelope/cloud-event';
import { produceRequests } from './produce-requests';

const message = (topic: string, key: string, value: string): OutgoingMessage => ({ topic, key, value, headers: { 'ce-type': 't' } });
/** Each request as "topic:key/value" per message, in the order the request carries them. */
const shape = (requests: ReturnType<typeof produceRequests>): string[][] =>
  requests.map((request) => request.flatMap(({ topic, messages }) => messages.map((m) => `${topic}:${String(m.key)}/${String(m.value)}`)));

describe('produce requests of a transaction', () => {
  it('one request while the messages fit the budget, grouped by topic in order, the checkpoint last', () => {
    const messages = [message('events', 'a', '1'), message('funnel', 'a', '2'), message('events', 'b', '3')];
    expect(shape(produceRequests(messages, 1_000, message('checkpoints', 'relay', 'p')))).toEqual([
      ['events:a/1', 'events:b/3', 'funnel:a/2', 'checkpoints:relay/p'],
    ]);
  });

  it('splits by payload bytes between messages, keeping their order across requests', () => {
    // Each message: key 1 + value 10 + header "ce-type"/"t" 8 = 19 bytes; a budget of 40 holds two.
    const messages = ['a', 'b', 'a', 'c', 'a'].map((key, i) => message('events', key, `${i}`.padEnd(10, '.')));
    const requests = shape(produceRequests(messages, 40, message('checkpoints', 'relay', 'p')));
    expect(requests).toEqual([
      ['events:a/0.........', 'events:b/1.........'],
      ['events:a/2.........', 'events:c/3.........'],
      ['events:a/4.........', 'checkpoints:relay/p'],
    ]);
  });

  it('counts UTF-8 bytes, and a message over the budget goes alone rather than not at all', () => {
    const wide = message('events', 'a', '王'.repeat(10)); // 30 bytes in UTF-8, 10 characters
    expect(shape(produceRequests([wide, wide], 45))).toHaveLength(2);
    const huge = message('events', 'b', 'x'.repeat(500));
    expect(shape(produceRequests([message('events', 'a', '1'), huge, message('events', 'c', '2')], 100)).map((r) => r.length)).toEqual([1, 1, 1]);
  });

  it('nothing to send but the checkpoint: one request with it', () => {
    expect(shape(produceRequests([], 100, message('checkpoints', 'relay', 'p')))).toEqual([['checkpoints:relay/p']]);
  });
});
