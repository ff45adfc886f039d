import { describeReadStoreContract } from './read-store.contract';
import { openRedisHarness } from '../testing/read-store.harness';

describeReadStoreContract('Redis', openRedisHarness);
