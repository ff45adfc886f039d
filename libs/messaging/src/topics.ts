/** The public topics, versioned in their names: a breaking change of a message is a new topic, not a new shape. */
export const LEAD_TOPICS = {
  /** Every lead event, as stored (contact fields masked unless configured otherwise). */
  events: 'lead.events.v1',
  /** A lead's funnel stage or status changed. */
  funnel: 'lead.funnel.v1',
  /** A lead's intent tier changed. */
  tiers: 'lead.tiers.v1',
  /** Touches due to be sent (written by the nurture dispatcher). */
  touches: 'lead.touches.v1',
} as const;

/**
 * The relay's own checkpoint: one record per relay name, compacted, written in the same transaction as the
 * messages it acknowledges. Not for downstream consumers.
 */
export const RELAY_CHECKPOINT_TOPIC = 'crm.relay.checkpoints';

export type TopicNames = { [K in keyof typeof LEAD_TOPICS]: string } & { checkpoints: string };

/**
 * The topic names with an optional prefix (KAFKA_TOPIC_PREFIX, empty by default): several environments can share
 * a cluster, and each test gets topics of its own.
 */
export function topicNames(prefix = ''): TopicNames {
  return {
    events: `${prefix}${LEAD_TOPICS.events}`,
    funnel: `${prefix}${LEAD_TOPICS.funnel}`,
    tiers: `${prefix}${LEAD_TOPICS.tiers}`,
    touches: `${prefix}${LEAD_TOPICS.touches}`,
    checkpoints: `${prefix}${RELAY_CHECKPOINT_TOPIC}`,
  };
}

export interface TopicLayout {
  names: TopicNames;
  partitions: number;
  replicationFactor: number;
}
