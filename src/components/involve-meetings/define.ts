import { define } from '../../core/define.js';
import { InvolveMeetings } from './involve-meetings.js';

define('involve-meetings', InvolveMeetings);
