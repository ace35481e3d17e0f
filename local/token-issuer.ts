import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

/**
 * A stand-in for Cognito: it signs ID tokens shaped like Cognito's (RS256, a real-form issuer,
 * `token_use: id`, `aud` = the app client), and checks them the way API Gateway's JWT authorizer
 * does — with aws-jwt-verify's Cognito verifier, handed our JWKS instead of fetching it.
 */
export const LOCAL_USER_POOL_ID = 'us-east-1_RapportLocal';
export const LOCAL_CLIENT_ID = 'rapport-local-client';
const REGION = 'us-east-1';
const ISSUER = `https://cognito-idp.${REGION}.amazonaws.com/${LOCAL_USER_POOL_ID}`;
const TOKEN_HOURS = 24;

export interface TokenOptions {
  /** Cognito's `email_verified`; false for an address not yet confirmed (e.g. a pending change). */
  emailVerified?: boolean;
  /** `access` gives an access token (no email, no `aud`), which the API refuses. */
  tokenUse?: 'id' | 'access';
  /** Flaws, for the tests that prove each is refused: another issuer, another app client, */
  issuer?: string;
  audience?: string;
  /** or an expiry (seconds since the epoch) in the past. */
  expiresAt?: number;
}

export interface TokenIssuer {
  issue(email: string, options?: TokenOptions): Promise<{ token: string; userId: string }>;
  /** The verified claims, or null for a missing, forged or expired token. */
  verify(token: string): Promise<Record<string, unknown> | null>;
}

/** The same email always maps to the same user id, across restarts, like one Cognito account. */
export const localUserId = (email: string): string => {
  const hex = createHash('sha256').update(`rapport-local:${email.trim().toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** `keyFile` keeps the signing key between runs of `npm start`, so tokens stay valid after a restart. */
export async function createTokenIssuer(keyFile?: string): Promise<TokenIssuer> {
  const { privateJwk, publicJwk } = await loadOrCreateKeys(keyFile);
  const privateKey = await importJWK(privateJwk, 'RS256');
  // Like API Gateway's JWT authorizer: either kind of token of this pool and app client passes here;
  // the API itself decides what it accepts (shared/http/middleware/caller-context.ts).
  const verifier = CognitoJwtVerifier.create({ userPoolId: LOCAL_USER_POOL_ID, tokenUse: null, clientId: LOCAL_CLIENT_ID });
  // jose and aws-jwt-verify each type a JWK their own way; the object is the same RFC 7517 key.
  verifier.cacheJwks({ keys: [publicJwk as Parameters<typeof verifier.cacheJwks>[0]['keys'][number]] });

  return {
    async issue(email, options = {}) {
      const normalized = email.trim().toLowerCase();
      const userId = localUserId(normalized);
      const auth_time = Math.floor(Date.now() / 1000);
      const claims =
        options.tokenUse === 'access'
          ? { token_use: 'access', client_id: LOCAL_CLIENT_ID, scope: 'aws.cognito.signin.user.admin', username: userId, auth_time }
          : { email: normalized, email_verified: options.emailVerified ?? true, token_use: 'id', 'cognito:username': userId, auth_time };
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid ?? 'local', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(options.issuer ?? ISSUER);
      if (options.tokenUse !== 'access') jwt.setAudience(options.audience ?? LOCAL_CLIENT_ID);
      const token = await jwt
        .setIssuedAt(options.expiresAt !== undefined ? Math.min(auth_time, options.expiresAt - 3600) : auth_time)
        .setExpirationTime(options.expiresAt ?? `${TOKEN_HOURS}h`)
        .setJti(randomUUID())
        .sign(privateKey);
      return { token, userId };
    },
    async verify(token) {
      try {
        return (await verifier.verify(token)) as Record<string, unknown>;
      } catch {
        return null;
      }
    },
  };
}

async function loadOrCreateKeys(keyFile?: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  if (keyFile && existsSync(keyFile)) {
    return JSON.parse(readFileSync(keyFile, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const keys = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys;
}
