/**
 * How long any AWS SDK client waits for one request. A function's timeout (10 s for the API, 60 s
 * for the workers) must never be what stops a hung call: with these limits a call gives up, retried
 * at most twice, in about 5 s — and the caller gets a clean error instead of a killed Lambda.
 * Locally, DynamoDB Local is a JVM on a busy developer machine, so the local stack allows more
 * (SDK_REQUEST_TIMEOUT_MS).
 */
export function sdkClientConfig(requestTimeoutMs = 1_500) {
  const fromEnv = Number(process.env.SDK_REQUEST_TIMEOUT_MS);
  const requestTimeout = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : requestTimeoutMs;
  // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes.
  return { maxAttempts: 3, requestHandler: { connectionTimeout: Math.min(1_000, requestTimeout), requestTimeout, throwOnRequestTimeout: true } };
}
