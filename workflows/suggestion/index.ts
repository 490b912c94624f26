import { suggestionMachineV1, SUGGESTION_MACHINE_V1 } from './suggestion-handling.machine.v1';

export * from './suggestion.types';
export * from './suggestion-rules';
export * from './suggestion-permissions';
export * from './snapshot.util';
export { suggestionMachineV1, SUGGESTION_MACHINE_V1, type SuggestionMachineV1 } from './suggestion-handling.machine.v1';
export {
  assignmentOf,
  confirmedProposers,
  currentAssignments,
  deadlineKey,
  leadProposer,
  replyingAssignments,
  type EventOf,
} from './suggestion-context.util';

/** Every machine version that may have written a stored snapshot; a snapshot is always resumed by its own version. */
export const suggestionMachines: Record<number, typeof suggestionMachineV1> = {
  [SUGGESTION_MACHINE_V1]: suggestionMachineV1,
};

/** The version new suggestions start with. */
export const CURRENT_SUGGESTION_MACHINE_VERSION = SUGGESTION_MACHINE_V1;
