import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per process; level from POWERTOOLS_LOG_LEVEL (INFO by default). */
export const log = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'rapport' });
