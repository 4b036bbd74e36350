/** Entry point for all three widgets in one file: importing it registers every element. */
export * from './involve-signup.js';
export * from './involve-meetings.js';
export * from './involve-feedback.js';
export { installGlobal } from './core/config.js';
export type { WidgetOptions, OptionItem } from './core/config.js';
export type { SubmitResult } from './core/submit-client.js';
export type { Signup, Feedback, Meeting } from './schema/index.js';
