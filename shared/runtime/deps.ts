import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ActionItemsRepository } from '../data/action-items-repository';
import { loadBookingContext } from '../data/booking-context';
import { BookingsRepository } from '../data/bookings-repository';
import { CoachCalendarRepository } from '../data/coach-calendar-repository';
import { IntroCallsRepository } from '../data/intro-calls-repository';
import { InvitesRepository } from '../data/invites-repository';
import { MessagesRepository } from '../data/messages-repository';
import { OrgsRepository } from '../data/orgs-repository';
import { OutcomesRepository } from '../data/outcomes-repository';
import { OutboxRepository } from '../data/outbox-repository';
import { ProgramsRepository } from '../data/programs-repository';
import { ProfilesRepository } from '../data/profiles-repository';
import { RateLimitsRepository } from '../data/rate-limits-repository';
import { RescheduleRequestsRepository } from '../data/reschedule-requests-repository';
import { ResourcesRepository } from '../data/resources-repository';
import { ReviewsRepository } from '../data/reviews-repository';
import { SessionNotesRepository } from '../data/session-notes-repository';
import { StatsRepository } from '../data/stats-repository';
import { SuppressionRepository } from '../data/suppression-repository';
import { createDocumentClient, type Table } from '../data/table';
import { WorksheetsRepository } from '../data/worksheets-repository';
import { WriteTransaction } from '../data/write-transaction';
import { clock as currentClock, type Clock } from './clock';
import { config } from './config';
import { sdkClientConfig } from './sdk-client-config';

/**
 * The composition root of the Lambdas, data side: adapters are built on first use and kept for the
 * life of the container. Email (mail-deps.ts) and calendar feeds (calendar-deps.ts) have their own
 * modules, so a bundle only carries the clients and parsers its handlers use.
 */
let documentClient: DynamoDBDocumentClient | undefined;

/** Reads the current clock on every call, so the local stack's movable clock is always seen. */
export const clock = (): Clock => ({ now: () => currentClock().now() });

export const table = (): Table => ({ db: (documentClient ??= createDocumentClient(new DynamoDBClient(sdkClientConfig()))), name: config.tableName() });
export const transaction = () => new WriteTransaction(table());

export const orgsRepository = () => new OrgsRepository(table());
export const profilesRepository = () => new ProfilesRepository(table());
export const programsRepository = () => new ProgramsRepository(table());
export const messagesRepository = () => new MessagesRepository(table());
export const invitesRepository = () => new InvitesRepository(table());
export const worksheetsRepository = () => new WorksheetsRepository(table());
export const actionItemsRepository = () => new ActionItemsRepository(table());
export const resourcesRepository = () => new ResourcesRepository(table());
export const coachCalendarRepository = () => new CoachCalendarRepository(table());
export const outboxRepository = () => new OutboxRepository(table());
export const bookingsRepository = () => new BookingsRepository(table());
export const rescheduleRequestsRepository = () => new RescheduleRequestsRepository(table());
export const sessionNotesRepository = () => new SessionNotesRepository(table());
export const outcomesRepository = () => new OutcomesRepository(table());
export const reviewsRepository = () => new ReviewsRepository(table());
export const statsRepository = () => new StatsRepository(table());
export const introCallsRepository = () => new IntroCallsRepository(table());
export const rateLimitsRepository = () => new RateLimitsRepository(table());
export const suppressionRepository = () => new SuppressionRepository(table());
export const bookingContext = () => (ref: Parameters<typeof loadBookingContext>[1]) => loadBookingContext(table(), ref);
