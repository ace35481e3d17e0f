import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { storedItem, type Table } from './table';

export interface SessionNote {
  bookingId: string;
  body: string;
  updatedAt: string | null;
}

/** The coach's private notes on a session; only coach routes ever read them. */
export class SessionNotesRepository {
  constructor(private readonly table: Table) {}

  async get(orgId: string, programId: string, bookingId: string): Promise<SessionNote> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.sessionNote(orgId, programId, bookingId), ConsistentRead: true }));
    return { bookingId, body: String(Item?.body ?? ''), updatedAt: (Item?.updatedAt as string | undefined) ?? null };
  }

  async put(orgId: string, programId: string, note: SessionNote): Promise<void> {
    await this.table.db.send(new PutCommand({ TableName: this.table.name, Item: storedItem(keys.sessionNote(orgId, programId, note.bookingId), 'session_note', note) }));
  }
}
