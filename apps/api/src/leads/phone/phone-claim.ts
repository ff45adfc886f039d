/** A reservation taken before the lead's own append: committed after it succeeds, rolled back if it fails. */
export interface PhoneClaim {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export const NO_CLAIM: PhoneClaim = { commit: async () => undefined, rollback: async () => undefined };
