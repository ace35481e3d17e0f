import type { HomepageSection, Question } from './program';

/**
 * Every word a new "1:1 Coaching" space starts with. Coaches edit most of it; it is written to be
 * useful as it stands, for executive, career and life coaching alike.
 */

export const SECTION_TITLES = {
  getting_started: 'Getting Started',
  sessions: 'Our Sessions',
  looking_back: 'Looking Back',
  resources: 'Resources',
} as const;

export const MODULE_TITLES = {
  welcome: 'Welcome',
  looking_back: 'Your 90-Day Reflection',
  resource_library: 'Resource Library',
} as const;

export const sessionTitle = (sessionNumber: number) => `Session ${sessionNumber}`;

export const ACTIVITY_TITLES = {
  admin_guide: 'Coach guide: setting up this space',
  intake: 'Intake: where you are starting from',
  session_prep: 'Before we meet',
  booking: 'Book this session',
  session_reflection: 'After we meet',
  action_items: 'Your commitments',
  reflection_90_day: '90-day reflection',
  resource_library: 'Your toolkit',
} as const;

export const ADMIN_GUIDE = [
  'Only you can see this guide. Your client never will.',
  '',
  'How this space is built: Getting Started holds the intake your client fills in first. Our Sessions holds one module per session, each with the same four steps — a short prep form before the call, the booking card, a reflection afterwards with a 1–10 progress rating, and a list for the commitments you agree on. Looking Back holds the 90-day reflection, which asks the intake questions again so you can show your client how far they have come. Resources is where you collect what you share along the way.',
  '',
  'Before you publish:',
  '1. Rewrite the homepage sections in your own voice, above all "About your coach".',
  '2. Read the intake questions and the session questions; replace any that do not fit how you work. Changing the session questions changes them in every session at once.',
  '3. Match the number of sessions to what you sold: add or remove session modules, and rename them if you want the engagement to read as a story ("Setting direction", "Halfway check"…).',
  '4. Check your availability, buffers and notice period in your schedule.',
  '5. Edit the first message in Messages so it sounds like you.',
  '6. Delete this guide, publish, and invite your client.',
  '',
  'While you work together: read the prep form before every call, add commitments to the session right after it, and keep them small and concrete. Private notes on each session are for your eyes only.',
].join('\n');

export const INTAKE_QUESTIONS: Question[] = [
  { questionId: 'story', type: 'text', required: true, prompt: 'Where are you right now? Tell me about your work, your life, and what made you look for a coach.' },
  { questionId: 'goals', type: 'text', required: true, prompt: 'What do you most want to be different by the end of our work together?' },
  { questionId: 'satisfaction', type: 'rating', min: 1, max: 10, required: true, prompt: 'How satisfied are you today with the part of your life you want to work on? (1 = not at all, 10 = completely)' },
  { questionId: 'success', type: 'text', required: true, prompt: 'Imagine our final session. What would have happened for you to say this was worth it?' },
  { questionId: 'past_attempts', type: 'text', required: false, prompt: 'What have you already tried, and what did it teach you?' },
  { questionId: 'challenge', type: 'text', required: false, prompt: 'How do you like to be challenged: gently, directly, or somewhere in between?' },
  { questionId: 'anything_else', type: 'text', required: false, prompt: 'Is there anything else I should know before we start?' },
];

export const SESSION_PREP_QUESTIONS: Question[] = [
  { questionId: 'focus', type: 'text', required: true, prompt: 'What is the one thing you most want to work on in this session?' },
  { questionId: 'progress', type: 'text', required: false, prompt: 'What has moved since we last spoke, including the commitments you made?' },
  { questionId: 'wins', type: 'text', required: false, prompt: 'What went well, however small?' },
  { questionId: 'urgent', type: 'text', required: false, prompt: 'Is anything pressing that we should deal with first?' },
];

export const SESSION_REFLECTION_QUESTIONS: Question[] = [
  { questionId: 'takeaway', type: 'text', required: true, prompt: 'What is the most useful thing you are taking away from this session?' },
  { questionId: 'commitments', type: 'text', required: true, prompt: 'What will you do before we meet again?' },
  { questionId: 'progress_rating', type: 'rating', min: 1, max: 10, required: true, prompt: 'How much progress do you feel you are making toward your goals? (1 = none yet, 10 = a great deal)' },
];

export const REFLECTION_90_DAY_QUESTIONS: Question[] = [
  { questionId: 'story_now', type: 'text', required: true, prompt: 'Where are you now, compared with where you were when we started?' },
  { questionId: 'goals_reached', type: 'text', required: true, prompt: 'Which of the changes you wanted have happened, and which are still in motion?' },
  { questionId: 'satisfaction', type: 'rating', min: 1, max: 10, required: true, prompt: 'How satisfied are you today with the part of your life we worked on? (1 = not at all, 10 = completely)' },
  { questionId: 'what_worked', type: 'text', required: false, prompt: 'What made the biggest difference for you?' },
  { questionId: 'next', type: 'text', required: false, prompt: 'What do you want to keep doing on your own from here?' },
];

export const HOMEPAGE_SECTIONS: HomepageSection[] = [
  {
    key: 'welcome',
    title: 'Welcome',
    body: 'This is our private space for the coaching we do together. Only you and I can see it: your answers, your reflections and our messages stay between us.',
  },
  {
    key: 'how_we_work',
    title: 'How we will work together',
    body: 'Every session follows the same rhythm. Before we meet, you spend five minutes on a short prep form so we can start with what matters. We talk. Afterwards you note your biggest takeaway and rate your progress, and I add the commitments we agreed on. Between sessions, send me a message whenever something comes up.',
  },
  {
    key: 'about_coach',
    title: 'About your coach',
    body: 'A few words about me, my background and how I coach will appear here soon.',
  },
  {
    key: 'what_to_expect',
    title: 'What to expect',
    body: 'We begin with your intake, which gives us a clear picture of where you are starting from. The first sessions set direction, the middle ones do the steady work, and the last ones look back. At the end, a 90-day reflection asks the intake questions again, so we can both see how far you have come.',
  },
];

export const FIRST_MESSAGE = [
  'Welcome! This thread is just for the two of us.',
  'Use it for anything between sessions: a quick win, a question, something that went sideways. I usually reply within one working day, and I check messages each weekday morning. If something is urgent before a session, put it in your prep form too so we start there.',
  'Looking forward to working with you.',
].join('\n\n');
