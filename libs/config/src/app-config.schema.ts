import { z } from 'zod';
import { dispatchProblems, dispatchSettings, dueStoreOf } from './dispatch-config.schema';

const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me';

const port = z.coerce.number({ invalid_type_error: 'must be a number' }).int().min(1).max(65535);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** `host:port[,host:port...]`, as kafkajs takes it. */
const brokerList = z
  .string()
  .transform((v) => v.split(',').map((b) => b.trim()).filter((b) => b.length > 0))
  .refine((list) => list.length > 0 && list.every((b) => /^[^\s:]+:\d{1,5}$/.test(b)), 'must be host:port[,host:port...]');

/**
 * Every setting the processes read, validated once at start. A bad value stops the process with a message that
 * names the variable (see load-config.ts).
 */
export const appConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Which event store: embedded SQLite in DATA_DIR, PostgreSQL at DATABASE_URL, EventStoreDB at EVENTSTORE_URL. */
    EVENT_STORE: z.enum(['sqlite', 'postgres', 'eventstoredb']).default('sqlite'),
    /** full: an acknowledged append is on disk (fsync per group commit); normal: survives a process crash only. */
    SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
    EVENTSTORE_URL: z.string().regex(/^esdb(\+discover)?:\/\//, 'must be an esdb:// or esdb+discover:// URL').optional(),
    READ_STORE: z.enum(['sqlite', 'redis']).default('sqlite'),
    REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z.string().default('crm:'),
    /** Run projections inside the API process (embedded profile) or leave them to the worker. */
    PROJECTIONS_IN_PROCESS: flag.default('true'),
    /** Run the nurture sagas inside the API process; unset: whatever PROJECTIONS_IN_PROCESS says. */
    NURTURE_IN_PROCESS: flag.optional(),
    /** How far back an interaction may be dated (hours); the dealer policy default. */
    BACKDATE_WINDOW_HOURS: z.coerce.number().int().min(0).max(24 * 31).default(72),
    LOSS_REQUIRES_APPROVAL: flag.default('true'),
    /** How long a completed Idempotency-Key is remembered; a retry after that is a new request. */
    IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 366).default(168),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, 'must look like 1mb or 512kb').default('1mb'),
    /** The Kafka relay (and the topics it publishes) runs only when enabled; the embedded default has it off. */
    KAFKA_ENABLED: flag.default('false'),
    KAFKA_BROKERS: brokerList.default('127.0.0.1:9092'),
    KAFKA_CLIENT_ID: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore, dash').default('crm-lead-lifecycle'),
    /** Put before every topic name (e.g. `staging.`): environments sharing a cluster, tests with topics of their own. */
    KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, underscore, dash').default(''),
    KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
    KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(10).default(1),
    /** Contact fields (name, phone, e-mail, WeChat) go out masked unless this is true. */
    KAFKA_EXPOSE_CONTACT: flag.default('false'),
    /** Names the relay's checkpoint and transactional id: one running relay per name. */
    KAFKA_RELAY_NAME: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore, dash').default('lead-relay'),
    KAFKA_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(2_000).default(500),
    /** A relay fenced by another of its name takes over when the active one's checkpoint stalls this long with events waiting. */
    KAFKA_RELAY_STANDBY_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    ...dispatchSettings,
  })
  .superRefine((env, ctx) => {
    // The chosen store's address must be there; the other stores' are ignored.
    if (env.EVENT_STORE === 'postgres' && !env.DATABASE_URL) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['DATABASE_URL'], message: 'is required when EVENT_STORE=postgres' });
    }
    if (env.EVENT_STORE === 'eventstoredb' && !env.EVENTSTORE_URL) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['EVENTSTORE_URL'], message: 'is required when EVENT_STORE=eventstoredb' });
    }
    // Touches on Kafka go through the Kafka integration's producer: without it there is nothing to send them with.
    if (env.TOUCH_DELIVERY === 'kafka' && !env.KAFKA_ENABLED) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['TOUCH_DELIVERY'], message: 'kafka needs KAFKA_ENABLED=true' });
    }
  })
  .transform((env, ctx) => {
    const jwtSecret = env.JWT_SECRET ?? (env.NODE_ENV === 'development' ? DEVELOPMENT_JWT_SECRET : undefined);
    const problems = dispatchProblems(env);
    if (!jwtSecret) problems.unshift({ path: 'JWT_SECRET', message: 'is required unless NODE_ENV=development' });
    for (const problem of problems) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [problem.path], message: problem.message });
    if (!jwtSecret || problems.length > 0) return z.NEVER;
    return { ...env, JWT_SECRET: jwtSecret, DUE_STORE: dueStoreOf(env) };
  });

export type AppConfig = z.output<typeof appConfigSchema>;
