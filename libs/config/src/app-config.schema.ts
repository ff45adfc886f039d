import { z } from 'zod';
import { dispatchProblems, dispatchSettings, dueStoreOf } from './dispatch-config.schema';

const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me';

const port = z.coerce.number({ invalid_type_error: 'must be a number' }).int().min(1).max(65535);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

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
    EVENT_STORE: z.enum(['sqlite']).default('sqlite'),
    READ_STORE: z.enum(['sqlite', 'redis']).default('sqlite'),
    REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z.string().default('crm:'),
    /** Run projections inside the API process (embedded profile) or leave them to the worker. */
    PROJECTIONS_IN_PROCESS: flag.default('true'),
    /** How far back an interaction may be dated (hours); the dealer policy default. */
    BACKDATE_WINDOW_HOURS: z.coerce.number().int().min(0).max(24 * 31).default(72),
    LOSS_REQUIRES_APPROVAL: flag.default('true'),
    /** How long a completed Idempotency-Key is remembered; a retry after that is a new request. */
    IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 366).default(168),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, 'must look like 1mb or 512kb').default('1mb'),
    ...dispatchSettings,
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
