import { describeAppendContract } from './contract/append.contract';
import { describeConcurrencyContract } from './contract/concurrency.contract';
import type { EventStoreFactory } from './contract/contract-fixtures';
import { useFreshStore } from './contract/contract-fixtures';
import { describeReadContract } from './contract/read.contract';
import { describeSubscribeContract } from './contract/subscribe.contract';

export type { EventStoreFactory } from './contract/contract-fixtures';

/**
 * The behaviour every EventStore adapter must show. Each test gets a fresh store from `factory`, and `cleanup`
 * releases it. Adapter specs call this once; adapter-specific tests (processes, crashes) live beside them.
 */
export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    const store = useFreshStore(factory);
    describeAppendContract(store);
    describeReadContract(store);
    describeSubscribeContract(store);
    describeConcurrencyContract(store);
  });
}
