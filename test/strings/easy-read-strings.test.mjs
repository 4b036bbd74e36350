// Easy read all the way through (issue 21): every visible default string of each widget has an
// easy-read version in the widget's on-demand pack, or is on the reasoned allow-list below (its default
// is already easy read, or no visitor reads it); and the easy-read wording, allow-listed defaults
// included, is scored for a reading age of about 9 with Flesch-Kincaid (the `flesch-kincaid` and
// `syllable` packages), against a budget.
//   node --import tsx --test test/strings/easy-read-strings.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { signupStrings } from '../../src/components/involve-signup/strings.ts';
import { feedbackStrings } from '../../src/components/involve-feedback/strings.ts';
import { meetingsStrings } from '../../src/components/involve-meetings/strings.ts';
import signupMessages from '../../src/components/involve-signup/messages.ts';
import feedbackMessages from '../../src/components/involve-feedback/messages.ts';
import meetingsMessages from '../../src/components/involve-meetings/messages.ts';
import signupEasyRead from '../../src/components/involve-signup/easy-read.ts';
import feedbackEasyRead from '../../src/components/involve-feedback/easy-read.ts';
import meetingsEasyRead from '../../src/components/involve-meetings/easy-read.ts';

/**
 * Keys whose default wording stays in easy read, and why. A key (or a `prefix.*` group) listed here
 * has its default scored below like any easy-read string.
 */
const ALREADY_EASY = {
  // Not read by visitors.
  configTitle: 'webmaster-facing: shown only when the page is set up wrong',
  configMissing: 'webmaster-facing: shown only when the page is set up wrong',
  configInvalid: 'webmaster-facing: shown only when the page is set up wrong',
  configInsecure: 'webmaster-facing: shown only when the page is set up wrong',
  complaintsUrl: 'a web address, not wording',
  crisisEmergencyNumber: 'a phone number',
  crisisNhs111Number: 'a phone number',
  crisisSamaritansNumber: 'a phone number',
  crisisTextNumber: 'a phone number',
  crisisTextBody: 'the word to text (SHOUT): it must stay the same',
  bookHidden: 'read only by screen readers after "Book a place": the meeting\'s own title',
  addToCalendarHidden: 'read only by screen readers: the meeting\'s own title and date',
  // Short and in everyday words already (scored below all the same).
  errorSummaryTitle: 'already plain: "There is a problem"',
  errorPrefix: 'one word a screen reader says before an error',
  submitting: 'one word: "Sending…"',
  retrying: 'already plain: two short sentences',
  sendFailedTitle: 'already plain: "We could not send this"',
  tryAgain: 'already plain',
  retry: 'already plain: "Try again"',
  tooLong: 'already plain: "Your answer is too long"',
  emailSuggestion: 'already plain: "Did you mean …?"',
  useSuggestion: 'already plain: "Use …"',
  other: 'one word',
  all: 'one word',
  easyReadSwitch: 'the switch\'s own name',
  standardSwitch: 'the switch back: its name must say where it goes',
  'preferred.*': 'one or two everyday words (Email, Phone call, Text message, Letter)',
  emailLabel: 'everyday words',
  phoneLabel: 'everyday words',
  mobileLabel: 'everyday words',
  submit: 'the button says what it does in two words (Sign up, Send feedback)',
  next: 'one word',
  back: 'one word',
  stepOf: 'already plain: "Question 2 of 11"',
  successNext: 'already plain: "What happens next"',
  'workstreams.children-and-young-people': 'everyday words',
  'workstreams.learning-disability-and-autism': 'the words people use for themselves',
  'relationship.other': 'everyday words',
  'aboutYou.other': 'everyday words',
  'availability.weekends': 'one word',
  'services.inpatient-ward': 'already plain: "A hospital ward"',
  'services.talking-therapies': 'the name of the service people are told',
  'services.learning-disability-service': 'the name of the service people are told',
  'services.other': 'already plain: "Another service"',
  'rating.very-good': 'everyday words',
  'rating.good': 'one word',
  'format.online': 'one word',
  evening: 'one word',
  weekend: 'one word',
  when: 'one word',
  where: 'one word',
  book: 'already plain: "Book a place"',
  // Standard-mode only: easy read asks the anonymity question as one yes/no instead.
  replyLegend: 'easy read has its own (asked as the yes/no question)',
};

const allowed = (key) => key in ALREADY_EASY || `${key.split('.')[0]}.*` in ALREADY_EASY;

const widgets = [
  // The default wording is the bundle's strings plus its messages pack (loaded once the widget shows).
  ['involve-signup', { ...signupStrings, ...signupMessages }, signupEasyRead],
  ['involve-feedback', { ...feedbackStrings, ...feedbackMessages }, feedbackEasyRead],
  ['involve-meetings', { ...meetingsStrings, ...meetingsMessages }, meetingsEasyRead],
];

/** Placeholders filled as a reader would meet them. */
const fill = (text) =>
  text.replace(/\{(\w+)\}/g, (_, name) => ({ n: '5', total: '12', seconds: '30', max: '200', number: '111', link: 'PALS', suggestion: 'name@gmail.com', value: 'x', title: 'Carers meeting', date: 'Monday' })[name] ?? 'it');

const sentencesOf = (text) => fill(text).split(/(?<=[.?!:])\s+/).map((s) => s.trim()).filter(Boolean);
const wordsOf = (sentence) => sentence.match(/[A-Za-z0-9’'&@.-]+/g)?.filter((w) => /[A-Za-z0-9]/.test(w)) ?? [];

/** Flesch-Kincaid grade of a text (every string a sentence, or more), and reading age = grade + 5. */
function score(texts) {
  let sentence = 0, word = 0, syllables = 0;
  for (const text of texts) {
    for (const s of sentencesOf(text)) {
      const words = wordsOf(s);
      if (!words.length) continue;
      sentence++;
      word += words.length;
      // An example address or a number is one thing to the reader, not a long word.
      syllables += words.reduce((n, w) => n + (/[@\d]/.test(w) ? 1 : Math.max(1, syllable(w.replace(/[’'].*$/, '')))), 0);
    }
  }
  const grade = fleschKincaid({ sentence, word, syllable: syllables });
  return { grade, age: grade + 5, sentences: sentence, words: word };
}

/**
 * Budgets. All of a widget's easy-read wording together: reading age 9 or under (Flesch-Kincaid
 * grade 4). Any one sentence: at most 16 words, and, from 6 words up, reading age 12 or under (one
 * long word can push a short sentence up; more than that means it needs rewriting). Flesch-Kincaid
 * means nothing for a label of 1-5 words ("Continue" alone scores 25), so those count in the total. The few sentences listed here are over
 * the per-sentence score because of a name they must carry, not their grammar.
 */
const BUDGET = { ageAll: 9, agePerSentence: 12, wordsPerSentence: 16 };
const NAMED = new Set([
  'PALS (the Patient Advice and Liaison Service)',
  'Someone who signs in British Sign Language (BSL)',
  'Learning disability and autism',
  'Learning disability service',
]);

/** The wording an easy-read visitor reads for each visible key of a widget. */
function easyReadWording(defaults, pack) {
  return Object.keys(defaults)
    .filter((key) => !/^config/.test(key) && !/Number$|^complaintsUrl$|^crisisTextBody$|Hidden$/.test(key))
    .map((key) => [key, pack[key] ?? defaults[key]])
    .filter(([, text]) => text);
}

describe('easy read covers every visible string', () => {
  for (const [tag, defaults, pack] of widgets) {
    test(`<${tag}>: every default string key has an easy-read entry or a reason on the allow-list`, () => {
      const missing = Object.keys(defaults).filter((key) => !(key in pack) && !allowed(key));
      assert.deepEqual(missing, [], `no easy-read wording and no reason: ${missing.join(', ')}`);
    });
  }

  test('the allow-list has no stale entries (each names a key some widget has)', () => {
    const keys = new Set(widgets.flatMap(([, d]) => Object.keys(d)));
    const stale = Object.keys(ALREADY_EASY).filter((k) => (k.endsWith('.*') ? ![...keys].some((x) => x.startsWith(k.slice(0, -1))) : !keys.has(k)));
    assert.deepEqual(stale, []);
  });

  test('feedback: easy read asks "Do you want us to write back to you?", a plain yes/no', () => {
    assert.equal(feedbackEasyRead.replyLegend, 'Do you want us to write back to you?');
    assert.match(feedbackEasyRead.wantsReplyLabel, /^Yes\b/);
    assert.match(feedbackEasyRead.anonymousLabel, /^No\b/);
  });

  test('jargon is explained where it first appears', () => {
    // "Collaborative" in the sign-up, in both wordings.
    assert.match(signupStrings['ways.collaborative-meetings'], /Collaborative meetings, where .* plan services together/);
    assert.match(signupEasyRead['ways.collaborative-meetings'], /meeting every month.*make plans together/);
    // PALS: what it is, not only its name.
    assert.match(feedbackMessages.successComplaint, /\{link\}, a team that helps/);
    assert.match(feedbackEasyRead.successComplaint, /PALS is a team that helps/);
    // The default title's "involvement register", in the intro under it.
    assert.match(signupStrings.intro, /^The involvement register is our list of people who/);
    // The meetings' "Collaborative", in both intros.
    assert.match(meetingsStrings.intro, /^A Collaborative is a meeting/);
    assert.match(meetingsEasyRead.intro, /called Collaboratives/);
  });
});

describe(`easy-read readability (Flesch-Kincaid; budget: reading age ≤ ${BUDGET.ageAll} overall, ≤ ${BUDGET.agePerSentence} and ≤ ${BUDGET.wordsPerSentence} words a sentence)`, () => {
  for (const [tag, defaults, pack] of widgets) {
    const wording = easyReadWording(defaults, pack);
    test(`<${tag}>: all easy-read wording together`, () => {
      const s = score(wording.map(([, t]) => t));
      console.log(`# <${tag}> easy read: reading age ${s.age.toFixed(1)} (grade ${s.grade.toFixed(1)}) over ${s.sentences} sentences, ${s.words} words`);
      assert.ok(s.age <= BUDGET.ageAll, `reading age ${s.age.toFixed(1)} is over ${BUDGET.ageAll}`);
    });
    test(`<${tag}>: each sentence`, () => {
      const over = [];
      for (const [key, text] of wording) {
        for (const sentence of sentencesOf(text)) {
          const { age, words } = score([sentence]);
          if (words > BUDGET.wordsPerSentence) over.push(`${key}: ${words} words: "${sentence}"`);
          else if (words >= 6 && age > BUDGET.agePerSentence && !NAMED.has(sentence)) over.push(`${key}: reading age ${age.toFixed(1)}: "${sentence}"`);
        }
      }
      assert.deepEqual(over, []);
    });
  }
});

describe('standard wording: the outliers the audit found are plainer now', () => {
  // The audit's three: meetings intro (~19), invalid-email message (~16), consent label (~14).
  for (const [what, text, most] of [
    ['meetings intro', meetingsStrings.intro, 14],
    ['consent label', signupStrings.storeDetailsLabel, 12],
  ]) {
    test(`${what}: reading age ≤ ${most}`, () => {
      const { age } = score([text]);
      assert.ok(age <= most, `${what} reading age ${age.toFixed(1)}: "${text}"`);
    });
  }
  test('invalid-email message: reading age ≤ 12', async () => {
    const { validationMessages } = await import('../../src/schema/messages.ts');
    const { age } = score([validationMessages.emailInvalid]);
    assert.ok(age <= 12, `reading age ${age.toFixed(1)}: "${validationMessages.emailInvalid}"`);
  });
});
