export * from './common.js';
export * from './signup.js';
export * from './feedback.js';
export * from './meeting.js';
export * from './messages.js';
export * from './workstreams.js';
export * from './rules.js';
