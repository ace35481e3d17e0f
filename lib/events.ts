import { EventBus } from 'aws-cdk-lib/aws-events';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * The bus AWS-native consumers subscribe to: every domain event, put by the outbox relay and the
 * sweeper (the functions that carry out outbox effects), and by nothing else.
 */
export class DomainEvents extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { description: 'Rapport domain events (source "rapport", detail-type the event type)' });
  }

  /** events:PutEvents on this bus alone. */
  allowPublishing(grantee: IGrantable): void {
    this.bus.grantPutEventsTo(grantee);
  }
}
