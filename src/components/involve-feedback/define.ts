import { define } from '../../core/define.js';
import { InvolveFeedback } from './involve-feedback.js';

define('involve-feedback', InvolveFeedback);
