import { define } from '../../core/define.js';
import { InvolveSignup } from './involve-signup.js';

define('involve-signup', InvolveSignup);
