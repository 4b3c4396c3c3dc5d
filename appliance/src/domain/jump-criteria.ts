/**
 * Jump criteria matching for `start_jump_item_session`. The rule lives in the protocol
 * (`protocol/brcs/jump-criteria.ts`, tested there) because the web console applies it too and the
 * renderer may import nothing else from the appliance; the appliance side takes it from here.
 */
export { describeJumpCriteria, jumpListSearchFor, matchJumpItems, matchesJumpCriteria, type JumpCriteria } from '../protocol/brcs/jump-criteria.js';
