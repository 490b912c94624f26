export interface AuthUser {
  userId: string;
  jurisdictionId: string;
  displayName: string;
  roles: string[];
  deputyId: string | null;
  unitId: string | null;
}

export interface Suggestion {
  id: string;
  sessionId: string;
  number: number | null;
  title: string;
  content: string;
  category: string;
  duringSession: boolean;
  leadDeputyId: string;
  state: string;
  round: number;
  classification: string | null;
  overdue: boolean;
  isKey: boolean;
  keyState: string | null;
  disclosureState: string | null;
  createdAt: string;
  submittedAt: string | null;
}

export interface SuggestionDetail extends Suggestion {
  proposers: Array<{ deputyId: string; role: string; status: string; viaSuggestionId: string | null }>;
  assignments: Array<{ unitId: string; round: number; role: string; acknowledged: boolean; contacts: number; opinionGiven: boolean; replyDueAt: string | null; overdue: boolean; classification: string | null; active: boolean }>;
  replies: Array<{ id: string; unitId: string; round: number; classification: string; text: string; signedBy: string | null; repliedAt: string; onTime: boolean; isFollowUp: boolean }>;
  feedback: Array<{ deputyId: string; round: number; handlingWork: string | null; result: string | null; comment: string | null; givenAt: string }>;
  openDeadlines: Array<{ id: string; key: string; kind: string; unitId: string | null; dueAt: string }>;
  history: Array<{ seq: number; eventType: string; fromState: string | null; toState: string; actorUserId: string; payload: Record<string, unknown>; reason: string | null; at: string }>;
  allowedEvents: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Named {
  id: string;
  name: string;
}

export interface InboxItem {
  suggestionId: string;
  title: string;
  number: number | null;
  state: string;
  role: string;
  round: number;
  acknowledged: boolean;
  overdue: boolean;
  replyDueAt: string | null;
  nextDueAt: string | null;
}

export interface NotificationItem {
  id: string;
  title: string;
  body: string;
  instanceId: string | null;
  createdAt: string;
  readAt: string | null;
}
