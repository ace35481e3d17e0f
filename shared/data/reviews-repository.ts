import type { Org } from '../domain/orgs/org';
import type { Review, ReviewRequest } from '../domain/outcomes/review';
import type { Program } from '../domain/programs/program';
import { keys } from './keys';
import { toOrgRecord } from './orgs-repository';
import { toProgramRecord } from './programs-repository';
import { batchGet, queryAll, storedItem, type Table } from './table';
import type { TransactItem } from './write-transaction';

export interface ReviewScope {
  org: Org | null;
  program: Program | null;
  review: Review | null;
  request: ReviewRequest | null;
}

/** Reviews and the coach's request for one live in the program's partition, next to each other. */
export class ReviewsRepository {
  constructor(private readonly table: Table) {}

  /** The org, the program, one client's review and the open request: one BatchGetItem. */
  async scope(orgId: string, programId: string, clientUserId: string): Promise<ReviewScope> {
    const wanted = [keys.org(orgId), keys.program(orgId, programId), keys.review(orgId, programId, clientUserId), keys.reviewRequest(orgId, programId)];
    const found = await batchGet(this.table, wanted);
    const [org, program, review, request] = wanted.map((k) => found.get(`${k.pk}|${k.sk}`));
    return {
      org: org ? toOrgRecord(org) : null,
      program: program ? toProgramRecord(program) : null,
      review: review ? toReview(review) : null,
      request: request ? toRequest(request) : null,
    };
  }

  /** Every review of the program and the latest request: one Query (REVIEW#… sorts just before REVIEW_REQUEST). */
  async ofProgram(orgId: string, programId: string): Promise<{ reviews: Review[]; request: ReviewRequest | null }> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.programPartition(orgId, programId), ':from': keys.REVIEW_PREFIX, ':to': keys.reviewRequest(orgId, programId).sk },
      ConsistentRead: true,
    });
    const request = items.find((i) => i.sk === keys.reviewRequest(orgId, programId).sk);
    return { reviews: items.filter((i) => String(i.sk).startsWith(keys.REVIEW_PREFIX)).map(toReview), request: request ? toRequest(request) : null };
  }

  /** A new request, refused while another is open (unanswered and not expired). */
  newRequestItem(orgId: string, programId: string, request: ReviewRequest): TransactItem {
    return {
      Put: {
        TableName: this.table.name,
        Item: storedItem(keys.reviewRequest(orgId, programId), 'review_request', request),
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(answeredAt) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': request.requestedAt },
      },
    };
  }

  /** Marks the request answered; refused if it changed since it was read. */
  answerRequestItem(orgId: string, programId: string, request: ReviewRequest, now: string): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.reviewRequest(orgId, programId),
        UpdateExpression: 'SET answeredAt = :now',
        ConditionExpression: 'requestId = :id AND attribute_not_exists(answeredAt)',
        ExpressionAttributeValues: { ':now': now, ':id': request.requestId },
      },
    };
  }

  /** Writes the review: a new one only if there is none, an edit only over the version read. */
  putReviewItem(orgId: string, programId: string, review: Review): TransactItem {
    const first = review.version === 1;
    return {
      Put: {
        TableName: this.table.name,
        Item: storedItem(keys.review(orgId, programId, review.clientUserId), 'review', review),
        ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
        ...(first ? {} : { ExpressionAttributeValues: { ':previous': review.version - 1 } }),
      },
    };
  }
}

function toReview(item: Record<string, unknown>): Review {
  return {
    clientUserId: String(item.clientUserId),
    rating: Number(item.rating),
    body: (item.body as string | undefined) ?? null,
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    statsDay: (item.statsDay as string | undefined) ?? null,
    version: Number(item.version ?? 1),
  };
}

function toRequest(item: Record<string, unknown>): ReviewRequest {
  return {
    requestId: String(item.requestId),
    requestedAt: String(item.requestedAt),
    expiresAt: String(item.expiresAt),
    answeredAt: (item.answeredAt as string | undefined) ?? null,
  };
}
