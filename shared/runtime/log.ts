import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger per process (Powertools; level from POWERTOOLS_LOG_LEVEL, INFO by default).
 * It is built on the first line written, not at load: building it is a fair share of a cold start
 * (about 4 ms of CPU, `npm run bench -- cold`) and most requests write nothing. Keys appended
 * before then (the correlation id) are kept here and handed to it when it is built.
 */
let logger: Logger | undefined;
/** The keys every line carries now, also before the logger exists. */
const keys: Record<string, unknown> = {};

function writer(): Logger {
  if (!logger) {
    logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'rapport' });
    logger.appendKeys(keys);
  }
  return logger;
}

type Message = Parameters<Logger['info']>[0];
type Attributes = Record<string, unknown>;

export const log = {
  debug: (message: Message, attributes?: Attributes) => writer().debug(message, attributes ?? {}),
  info: (message: Message, attributes?: Attributes) => writer().info(message, attributes ?? {}),
  warn: (message: Message, attributes?: Attributes) => writer().warn(message, attributes ?? {}),
  error: (message: Message, attributes?: Attributes) => writer().error(message, attributes ?? {}),
  /** Keys carried by every later line until removed. */
  appendKeys(added: Record<string, unknown>): void {
    Object.assign(keys, added);
    logger?.appendKeys(added);
  },
  removeKeys(removed: string[]): void {
    for (const key of removed) delete keys[key];
    logger?.removeKeys(removed);
  },
  /** The keys every line carries now. */
  currentKeys(): Readonly<Record<string, unknown>> {
    return { ...keys };
  },
};
