import { describeReadStoreContract } from './read-store.contract';
import { openSqliteHarness } from '../testing/read-store.harness';

describeReadStoreContract('SQLite', openSqliteHarness);
