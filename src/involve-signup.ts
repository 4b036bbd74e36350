/** Entry point for <involve-signup> alone: importing it registers the element. */
export { InvolveSignup } from './components/involve-signup/involve-signup.js';
import './components/involve-signup/define.js';
