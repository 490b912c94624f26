import { reviewOpinionListMachineV1, REVIEW_OPINION_LIST_MACHINE_V1 } from './review-opinion-list.machine.v1';

export * from './review-opinion-list.types';
export * from './review-opinion-list-rules';
export * from './review-opinion-list-permissions';
export * from './review-opinion-list-snapshot.util';
export {
  reviewOpinionListMachineV1, REVIEW_OPINION_LIST_MACHINE_V1, REPORT_DEADLINE_KEY, itemDeadlineKey, type ReviewOpinionListMachineV1,
} from './review-opinion-list.machine.v1';

/** Every machine version that may have written a stored snapshot. */
export const reviewOpinionListMachines: Record<number, typeof reviewOpinionListMachineV1> = {
  [REVIEW_OPINION_LIST_MACHINE_V1]: reviewOpinionListMachineV1,
};

export const CURRENT_REVIEW_OPINION_LIST_MACHINE_VERSION = REVIEW_OPINION_LIST_MACHINE_V1;
