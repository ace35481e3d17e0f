import { describe, expect, it } from 'vitest';
import { newBooking, type BookingFacts } from '../../../shared/domain/bookings/booking';

describe('a new booking', () => {
  it('is confirmed at SEQUENCE 0 and version 1, booked now, with nothing yet cancelled, joined, reminded, requested or reissued', () => {
    const facts: BookingFacts = {
      bookingId: 'b1',
      orgId: 'o1',
      programId: 'p1',
      packageId: 'coaching',
      coachUserId: 'coach',
      clientUserId: 'client',
      start: 29_500_000,
      end: 29_500_060,
      blockedUntil: 29_500_075,
      weekKey: '2026-W50',
      sessionNumber: 2,
      bookedBy: 'coach',
      joinHashes: { coach: 'h1', client: 'h2' },
      statsDay: '2026-12-09',
      price: { amountMinor: 12000, currency: 'EUR' },
    };
    const booked = newBooking(facts, '2026-12-01T08:00:00Z');
    expect(booked).toMatchObject({ ...facts, status: 'confirmed', sequence: 0, version: 1, createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z' });
    // Every other field is a later event: none has happened yet.
    const later = Object.keys(booked).filter((k) => !(k in facts) && !['status', 'sequence', 'version', 'createdAt', 'updatedAt'].includes(k));
    expect(later.sort()).toEqual(
      ['cancelledAt', 'cancelledBy', 'cancelReason', 'creditReturned', 'clientJoinedAt', 'coachJoinedAt', 'reminded24h', 'reminded1h', 'pendingRequestId', 'noShowMarkedBy', 'reissuedFor'].sort(),
    );
    for (const field of later) expect(booked[field as keyof typeof booked], field).toBeNull();
  });
});
