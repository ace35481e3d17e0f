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

/** Ways a token can be wrong, for the tests that prove each is refused. */
export interface TokenFlaws {
  issuer?: string;
  audience?: string;
  /** An access token carries `client_id` instead of `aud`, and `token_use: access`. */
  tokenUse?: 'access';
  /** Seconds since the epoch; in the past for an expired token. */
  expiresAt?: number;
}

export interface TokenIssuer {
  issue(email: string, flaws?: TokenFlaws): Promise<{ token: string; userId: string }>;
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
  const verifier = CognitoJwtVerifier.create({ userPoolId: LOCAL_USER_POOL_ID, tokenUse: 'id', clientId: LOCAL_CLIENT_ID });
  // jose and aws-jwt-verify each type a JWK their own way; the object is the same RFC 7517 key.
  verifier.cacheJwks({ keys: [publicJwk as Parameters<typeof verifier.cacheJwks>[0]['keys'][number]] });

  return {
    async issue(email, flaws = {}) {
      const normalized = email.trim().toLowerCase();
      const userId = localUserId(normalized);
      const access = flaws.tokenUse === 'access';
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({
        email: normalized,
        email_verified: true,
        token_use: access ? 'access' : 'id',
        ...(access ? { client_id: LOCAL_CLIENT_ID, scope: 'aws.cognito.signin.user.admin' } : {}),
        'cognito:username': userId,
        auth_time: now,
      })
        .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid ?? 'local', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(flaws.issuer ?? ISSUER)
        .setIssuedAt(flaws.expiresAt !== undefined ? Math.min(now, flaws.expiresAt - 3600) : now)
        .setExpirationTime(flaws.expiresAt ?? `${TOKEN_HOURS}h`)
        .setJti(randomUUID());
      if (!access) jwt.setAudience(flaws.audience ?? LOCAL_CLIENT_ID);
      return { token: await jwt.sign(privateKey), userId };
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
