/** BullMQ 6 job ids: no `:` and never a bare integer, hence the prefixes and underscores. */
export const dueJobId = (deadlineId: string): string => `due_${deadlineId}`;
export const reminderJobId = (deadlineId: string, offsetDays: number): string => `remind_${deadlineId}_${offsetDays}`;
export const reminderFiring = (offsetDays: number): string => `REMIND_${offsetDays}`;
export const PASSED_FIRING = 'PASSED';
/** One firing of one deadline, as a single key for sets of claims. */
export const firingKey = (deadlineId: string, firing: string): string => `${deadlineId}_${firing}`;
