import { describe, expect, it } from 'vitest';
import { resolvePerson } from '../../../shared/domain/people/person';
import { newMessageEmail } from '../../../shared/emails/program-emails';

/**
 * Names, practices and programs are what people type: whatever markup they hold must reach an
 * email's HTML as text, never as elements or attributes a mail client would run or load.
 */
const hostile = '<img src=x onerror=alert(1)> & <script>steal()</script> "quoted"';

describe('markup in what people type', () => {
  it('comes out inert in the HTML, and as typed in the plain text', () => {
    const email = newMessageEmail({
      to: resolvePerson('coach@example.com', { displayName: hostile }, 'Europe/London'),
      from: resolvePerson('client@example.com', { displayName: hostile }, 'Europe/London'),
      toSide: 'coach',
      practice: { name: hostile, logoUrl: null, brandColor: null, signature: hostile },
      programName: hostile,
      orgId: 'org',
      programId: 'prog',
      appUrl: 'https://app.example.com',
    });
    expect(email.html).not.toMatch(/<img src=x|<script|onerror=alert\(1\)>/);
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;steal()&lt;/script&gt;');
    expect(email.text).toContain(hostile);
  });
});
