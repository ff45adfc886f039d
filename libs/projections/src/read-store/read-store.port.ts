/** A JSON document of one projection version, grouped by a partition (the dealer) so queries can list it. */
export interface StoredDoc<Body = unknown> {
  collection: string;
  id: string;
  partition: string;
  body: Body;
}

export type DocChange =
  | { kind: 'put'; doc: StoredDoc; previousPartition?: string }
  | { kind: 'delete'; collection: string; id: string; partition: string };

export type CommitResult = { ok: true } | { ok: false; currentCheckpoint: number | undefined };

export const docKey = (collection: string, id: string): string => `${collection}\u0000${id}`;

/**
 * Where projections keep their read models. Each projection's data lives in a namespace `<name>:v<version>`
 * with its own checkpoint; a pointer names the live version so a rebuild can fill v+1 while v serves.
 * `commit` writes the changes and moves the checkpoint in one atomic step, and only when the stored checkpoint
 * still equals `expectedCheckpoint`: a second writer, a dropped version or a lost Redis all surface as a conflict.
 */
export abstract class ReadStore {
  abstract readonly kind: 'sqlite' | 'redis';

  /** Rejects when the store does not answer (for health checks). */
  abstract ping(): Promise<void>;
  abstract liveVersion(name: string): Promise<number | undefined>;
  /** Compare-and-set of the pointer; false when it no longer equals `expected`. */
  abstract setLiveVersion(name: string, version: number, expected: number | undefined): Promise<boolean>;
  /** The version being built from position 0 to replace a lost live one (answers wait for it: 503). */
  abstract buildingVersion(name: string): Promise<number | undefined>;
  /** Compare-and-set of the building pointer; `version` undefined clears it. */
  abstract setBuildingVersion(name: string, version: number | undefined, expected: number | undefined): Promise<boolean>;
  /** A version number no other caller gets: above every version this store knows of for `name`. */
  abstract allocateVersion(name: string): Promise<number>;
  /** undefined when the version does not exist (never created, dropped, or lost with a Redis flush). */
  abstract checkpoint(name: string, version: number): Promise<number | undefined>;
  /** Empties the namespace and sets its checkpoint to 0. */
  abstract createVersion(name: string, version: number): Promise<void>;
  abstract dropVersion(name: string, version: number): Promise<void>;

  abstract load(name: string, version: number, collection: string, ids: readonly string[]): Promise<Map<string, StoredDoc>>;
  abstract commit(
    name: string,
    version: number,
    changes: readonly DocChange[],
    expectedCheckpoint: number,
    newCheckpoint: number,
  ): Promise<CommitResult>;
  abstract list(name: string, version: number, collection: string, partition: string): Promise<StoredDoc[]>;
  /** Every document of a version, sorted by collection then id: comparable across stores and runs. */
  abstract dump(name: string, version: number): Promise<StoredDoc[]>;
  abstract close(): Promise<void>;
}
