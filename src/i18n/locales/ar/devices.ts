import type { Messages } from '../../i18n.js';

export default {} satisfies Messages;
