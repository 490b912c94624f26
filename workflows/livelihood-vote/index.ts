import { livelihoodVoteMachineV1, LIVELIHOOD_VOTE_MACHINE_V1 } from './livelihood-vote.machine.v1';

export * from './livelihood-vote.types';
export * from './livelihood-vote-rules';
export * from './livelihood-vote-permissions';
export * from './livelihood-vote-snapshot.util';
export * from './livelihood-selection.util';
export {
  livelihoodVoteMachineV1, LIVELIHOOD_VOTE_MACHINE_V1, PROGRESS_DEADLINE_KEY, milestoneDeadlineKey, type LivelihoodVoteMachineV1,
} from './livelihood-vote.machine.v1';

/** Every machine version that may have written a stored snapshot. */
export const livelihoodVoteMachines: Record<number, typeof livelihoodVoteMachineV1> = {
  [LIVELIHOOD_VOTE_MACHINE_V1]: livelihoodVoteMachineV1,
};

export const CURRENT_LIVELIHOOD_VOTE_MACHINE_VERSION = LIVELIHOOD_VOTE_MACHINE_V1;
