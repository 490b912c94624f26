export const VOTE_SESSION_WORKFLOW = 'vote-session';
export const SUGGESTION_WORKFLOW_NAME = 'suggestion';

/** How often the chair's live count re-reads PostgreSQL; any api instance can serve the stream. */
export const LIVE_COUNT_INTERVAL_MS = 1000;

/** Vote-session states in which a session still holds its items (no other session may take them). */
export const ACTIVE_VOTE_STATES = ['created', 'open'] as const;
