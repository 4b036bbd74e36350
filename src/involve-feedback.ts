/** Entry point for <involve-feedback> alone: importing it registers the element. */
export { InvolveFeedback } from './components/involve-feedback/involve-feedback.js';
import './components/involve-feedback/define.js';
