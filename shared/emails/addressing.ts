import type { Person } from '../domain/people/person';
import type { Branding } from './layout';

/**
 * How an email addresses its reader. Emails to a coach say it is Rapport writing for their
 * practice; everyone else (client, invitee, prospect) hears from the practice itself.
 */
export const fromNameFor = (reader: 'coach' | 'client', practice: Pick<Branding, 'name'>) => (reader === 'coach' ? `Rapport for ${practice.name}` : practice.name);

/** "Hello Jane," or, for someone who gave no name, "Hello,". */
export const greetingFor = (person: Person) => (person.name !== person.email ? `Hello ${person.name},` : 'Hello,');
