import { Admin, ITopicConfig } from 'kafkajs';
import { TopicLayout } from '../topics';

/** The public topics with the configured layout, and the relay's compacted checkpoint topic (one partition). */
export function topicSpecs(layout: TopicLayout): ITopicConfig[] {
  const minInSync = String(Math.max(1, layout.replicationFactor - 1));
  const { checkpoints, ...publicTopics } = layout.names;
  const lead = Object.values(publicTopics).map<ITopicConfig>((topic) => ({
    topic, numPartitions: layout.partitions, replicationFactor: layout.replicationFactor,
    configEntries: [{ name: 'cleanup.policy', value: 'delete' }, { name: 'min.insync.replicas', value: minInSync }],
  }));
  const checkpoint: ITopicConfig = {
    topic: checkpoints, numPartitions: 1, replicationFactor: layout.replicationFactor,
    configEntries: [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'min.insync.replicas', value: minInSync },
      // Small segments and an eager cleaner keep the topic near one record per relay, so a start reads little.
      { name: 'segment.ms', value: String(10 * 60 * 1000) },
      { name: 'min.cleanable.dirty.ratio', value: '0.1' },
    ],
  };
  return [...lead, checkpoint];
}

/** Creates the topics that do not exist yet; existing ones are left as they are. */
export async function ensureTopics(admin: Admin, layout: TopicLayout): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topicSpecs(layout).filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return [];
  try {
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  } catch (error) {
    // Another process created them in between: fine, as long as they exist now.
    const now = new Set(await admin.listTopics());
    if (missing.some((spec) => !now.has(spec.topic))) throw error;
  }
  return missing.map((spec) => spec.topic);
}
