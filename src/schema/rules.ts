/**
 * Rules the widgets and the endpoint (server/) both follow, written once: each side imports them, so
 * the two can't drift apart.
 */

/**
 * The bot check (contract §6, `elapsedMs`): a send quicker than this after the form first appeared is
 * taken for a bot — the endpoint answers 202 and stores nothing, and the widget waits this long
 * before sending (showing "Sending…") so a person who is quick, or a page that calls `prefill()` then
 * `submit()`, is never taken for one.
 */
export const MIN_ELAPSED_MS = 2_000;

/**
 * How long the endpoint remembers an Idempotency-Key (contract §5): 24 hours. A replay within it gets
 * the first answer; after it the key is forgotten, so the widget never sends a queued or pending
 * submission whose key is older than this (it would be stored a second time).
 */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
