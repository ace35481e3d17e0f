import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OrgsRepository } from '../data/orgs-repository';
import { createDocumentClient, type Table } from '../data/table';
import { config } from './config';

/**
 * The composition root of the Lambdas: adapters are built on first use and kept for the life of
 * the container. Each is its own function so a bundle only carries the clients its handlers use.
 */
let documentClient: DynamoDBDocumentClient | undefined;

export const table = (): Table => ({ db: (documentClient ??= createDocumentClient()), name: config.tableName() });

export const orgsRepository = () => new OrgsRepository(table());

export { clock } from './clock';
