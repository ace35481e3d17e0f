import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AppError } from '../domain/errors';

/**
 * The key of the join links' HMAC (domain/bookings/join-link.ts). Deployed, it is a Secrets Manager
 * secret that CDK generates (never in the template or the environment), read once per container;
 * the local stack sets JOIN_LINK_KEY instead. Imported statically: a dynamic import() makes esbuild
 * wrap every SDK module the client shares with DynamoDB's in a lazy initialiser, which costs more
 * at cold start than loading the client's own code (measured with `npm run bench -- cold`).
 */
let cached: Promise<Buffer> | undefined;

export function joinLinkKey(): Promise<Buffer> {
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(): Promise<Buffer> {
  const local = process.env.JOIN_LINK_KEY;
  if (local) return Buffer.from(local, 'base64url');
  const secretArn = process.env.JOIN_LINK_SECRET_ARN;
  if (!secretArn) throw new AppError(500, 'internal_error', 'Missing configuration JOIN_LINK_SECRET_ARN');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString || SecretString.length < 32) throw new AppError(500, 'internal_error', 'The join-link secret is missing or too short');
  return Buffer.from(SecretString, 'utf8');
}
