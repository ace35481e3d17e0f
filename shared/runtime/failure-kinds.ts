/**
 * The kinds of work that can fail for good, one queue each. CDK creates the queues from this table,
 * the local stack keeps the same queues in memory, and `npm run redrive` reads their messages.
 */
export const failureKinds = {
  scheduleDelivery: 'Scheduler could not hand a schedule to its Lambda. Body: the schedule input; attributes: TARGET_ARN, ERROR_CODE, ERROR_MESSAGE.',
  scheduledRun: "A scheduled function failed its run and Lambda's two retries. Body: Lambda's on-failure record (requestContext.functionArn, requestPayload, responsePayload).",
  relayStream: 'The outbox relay failed a stream batch after its retries. Body: the DDBStreamBatchInfo record; the entries stay in the table for the sweeper.',
} as const;

export type FailureKind = keyof typeof failureKinds;
