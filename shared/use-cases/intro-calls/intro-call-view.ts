import { introCallStatusAt, type IntroCall } from '../../domain/intro-calls/intro-call';
import type { Org } from '../../domain/orgs/org';
import { minutesToInstant } from '../../domain/time/instant';

const times = (call: IntroCall) => ({ start: minutesToInstant(call.start), end: minutesToInstant(call.end), durationMinutes: call.end - call.start });

/** An intro call as its coach sees it: who, when, what they answered, what came of it. */
export function coachIntroCallView(call: IntroCall, nowMinute: number) {
  return {
    introCallId: call.introCallId,
    ...times(call),
    status: introCallStatusAt(call, nowMinute),
    name: call.name,
    email: call.email,
    timeZone: call.timeZone,
    answers: call.answers,
    programId: call.programId,
    createdAt: call.createdAt,
    updatedAt: call.updatedAt,
    ...(call.status === 'cancelled' ? { cancelledAt: call.cancelledAt, cancelledBy: call.cancelledBy, cancelReason: call.cancelReason } : {}),
  };
}

/** An intro call as the prospect sees it through their link: their own call and nothing else. */
export function prospectIntroCallView(call: IntroCall, org: Pick<Org, 'orgId' | 'name' | 'meetingUrl'>, nowMinute: number) {
  const status = introCallStatusAt(call, nowMinute);
  return {
    introCallId: call.introCallId,
    orgId: org.orgId,
    coachName: org.name,
    ...times(call),
    status,
    name: call.name,
    email: call.email,
    timeZone: call.timeZone,
    meetingUrl: status === 'confirmed' ? org.meetingUrl : null,
    canChange: call.status === 'confirmed' && nowMinute < call.start,
    ...(call.status === 'cancelled' ? { cancelledAt: call.cancelledAt, cancelledBy: call.cancelledBy } : {}),
  };
}
