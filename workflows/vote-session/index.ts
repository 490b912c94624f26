import { voteSessionMachineV1, VOTE_SESSION_MACHINE_V1 } from './vote-session.machine.v1';

export * from './vote-session.types';
export * from './vote-session-rules';
export * from './vote-session-permissions';
export * from './vote-session-snapshot.util';
export * from './vote-result.util';
export { voteSessionMachineV1, VOTE_SESSION_MACHINE_V1, type VoteSessionMachineV1 } from './vote-session.machine.v1';

/** Every machine version that may have written a stored snapshot. */
export const voteSessionMachines: Record<number, typeof voteSessionMachineV1> = {
  [VOTE_SESSION_MACHINE_V1]: voteSessionMachineV1,
};

export const CURRENT_VOTE_SESSION_MACHINE_VERSION = VOTE_SESSION_MACHINE_V1;
