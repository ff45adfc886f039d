import { Buffer } from 'node:buffer';
import { Message, TopicMessages } from 'kafkajs';
import { OutgoingMessage } from '../envelope/cloud-event';

/**
 * Bytes of message payload per produce request, by default. Under the broker's default `message.max.bytes`
 * (1 MiB per partition batch), so no batch is refused for its size whatever the partitions get; and kafkajs
 * encodes a request by growing and copying buffers, so two 1 MiB requests cost it less CPU than one 2 MiB one.
 */
export const DEFAULT_REQUEST_BYTES = 1024 * 1024;

const sizeOf = (m: OutgoingMessage): number => {
  let size = Buffer.byteLength(m.key) + Buffer.byteLength(m.value);
  for (const name in m.headers) size += name.length + Buffer.byteLength(m.headers[name] ?? '');
  return size;
};

/**
 * The messages as produce requests of at most `budgetBytes` of payload each (a message larger than that goes
 * alone), in order, grouped by topic within a request; `last` (the relay's checkpoint record) closes the last
 * request. Sent one after another, they keep each key's order.
 */
export function produceRequests(messages: readonly OutgoingMessage[], budgetBytes = DEFAULT_REQUEST_BYTES, last?: OutgoingMessage): TopicMessages[][] {
  const requests: Array<Map<string, Message[]>> = [];
  let current = new Map<string, Message[]>();
  let bytes = 0;
  const add = (m: OutgoingMessage): void => {
    const list = current.get(m.topic);
    const message: Message = { key: m.key, value: m.value, headers: m.headers };
    if (list) list.push(message);
    else current.set(m.topic, [message]);
  };
  for (const m of messages) {
    const size = sizeOf(m);
    if (bytes > 0 && bytes + size > budgetBytes) {
      requests.push(current);
      current = new Map();
      bytes = 0;
    }
    add(m);
    bytes += size;
  }
  if (last) add(last);
  if (current.size > 0) requests.push(current);
  return requests.map((request) => [...request].map(([topic, list]) => ({ topic, messages: list })));
}
