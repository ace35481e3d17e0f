import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { EventBridgeBus } from '../adapters/events/eventbridge-bus';
import { SesMailer } from '../adapters/mail/ses-mailer';
import { EventBridgeSessionScheduler } from '../adapters/scheduler/session-scheduler';
import type { RelayDeps } from '../use-cases/outbox/relay';
import { config } from './config';
import { sessionDeps, sessionLinks } from './session-deps';
import { sessionMailRenderer } from '../use-cases/outbox/render-session-mail';
import { reissueInvites } from '../use-cases/bookings/reissue-invites';
import { suppressingMailer } from '../use-cases/mail-feedback/suppressing-mailer';
import { sdkClientConfig } from './sdk-client-config';
import { deliveryDeps } from './webhook-deps';
import { entryEventPublisher } from '../use-cases/webhooks/publish-event';
import { bookingContext, bookingsRepository, clock, introCallsRepository, outboxRepository, suppressionRepository } from './deps';

/** The composition root for the relays: the functions that send mail and manage schedules. */
let sesClient: SESv2Client | undefined;
let schedulerClient: SchedulerClient | undefined;
let eventsClient: EventBridgeClient | undefined;

export const mailer = () =>
  suppressingMailer(new SesMailer((sesClient ??= new SESv2Client(sdkClientConfig(3_000))), config.senderEmail(), clock()), suppressionRepository());

export const sessionScheduler = () =>
  new EventBridgeSessionScheduler((schedulerClient ??= new SchedulerClient(sdkClientConfig(3_000))), {
    groupName: config.scheduleGroup(),
    roleArn: config.schedulerRoleArn(),
    deadLetterArn: config.schedulerDeadLetterArn(),
    targets: { reminder: config.targetArn('reminder'), noShow: config.targetArn('noShow'), rescheduleExpiry: config.targetArn('rescheduleExpiry') },
  });

export const eventBus = () => new EventBridgeBus((eventsClient ??= new EventBridgeClient(sdkClientConfig(3_000))), config.eventBusName());

/** What the relays need to carry out outbox entries. */
export const relayDeps = (): RelayDeps => {
  const bookings = bookingsRepository();
  const introCalls = introCallsRepository();
  const renderDeps = { context: bookingContext(), links: sessionLinks() };
  return {
    outbox: outboxRepository(),
    mailer: mailer(),
    scheduler: sessionScheduler(),
    records: { booking: (orgId, programId, bookingId) => bookings.get(orgId, programId, bookingId), introCall: (orgId, introCallId) => introCalls.get(orgId, introCallId) },
    clock: clock(),
    reissue: (effect) => reissueInvites(sessionDeps(), effect),
    events: () => entryEventPublisher({ ...deliveryDeps(5_000), bus: eventBus() }),
    sessionMailRenderer: () => sessionMailRenderer(renderDeps),
    reminderSpreadMinutes: config.reminderSpreadMinutes(),
  };
};
