/** Entry point for <involve-meetings> alone: importing it registers the element. */
export { InvolveMeetings } from './components/involve-meetings/involve-meetings.js';
import './components/involve-meetings/define.js';
