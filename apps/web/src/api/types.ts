export interface AuthUser {
  userId: string;
  jurisdictionId: string;
  displayName: string;
  roles: string[];
  deputyId: string | null;
  unitId: string | null;
  mustChangePassword?: boolean;
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
  /** `path`: where the notification leads in this app (added when it is delivered). */
  data?: { path?: string; suggestionId?: string; voteSessionId?: string };
  createdAt: string;
  readAt: string | null;
}

export interface VoteItem {
  id: string;
  suggestionId: string;
  position: number;
  number: number | null;
  title: string;
  ballotsIssued: number;
  ballotsReturned?: number;
  satisfied?: { count: number; percent: string };
  basicallySatisfied?: { count: number; percent: string };
  unsatisfied?: { count: number; percent: string };
  passed?: boolean;
  resultReason?: string;
}

export interface VoteSession {
  id: string;
  title: string;
  meetingName: string;
  meetingDate: string;
  chairUserId: string | null;
  state: string;
  announcement: string | null;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  entitled?: { members: number; deputies: number };
  allowedEvents?: string[];
  myVotedItemIds?: string[];
  items?: VoteItem[];
}

export interface LiveCount {
  state: string;
  votersEntitled: number;
  votersReturned: number;
  items: Array<{ itemId: string; issued: number; returned: number }>;
}

export interface AgendaItem {
  id: string;
  suggestionId: string;
  position: number;
  status: string;
  reporterName: string | null;
  report: string | null;
  opinion: string | null;
  heardAt: string | null;
  number: number | null;
  title: string;
  keyState: string;
  deferReason: string | null;
}

export interface CouncilMeeting {
  id: string;
  title: string;
  meetingDate: string;
  progress: { total: number; heard: number; deferred: number; remaining: number };
  nextItemId: string | null;
  agenda: AgendaItem[];
}

export interface KeyItem {
  suggestionId: string;
  number: number | null;
  title: string;
  category: string;
  state: string;
  keyState: string;
  classification: string | null;
  overdue: boolean;
  topic: string | null;
  supervisingLeaderId: string;
  supervisingLeaderName: string;
  leadingLeaderId: string;
  leadingLeaderName: string;
  hearings: number;
  votes: number;
  lastVotePassed: boolean | null;
}

export interface KeyProposal {
  id: string;
  suggestionId: string;
  topic: string | null;
  supervisingLeaderId: string;
  leadingLeaderId: string;
  status: string;
  proposedAt: string;
  decisionReason: string | null;
}

export interface PublicSuggestion {
  id: string;
  number: number | null;
  numberLabel: string;
  session: { id: string; name: string; year?: number };
  category: string;
  title: string;
  content: string;
  leadDeputy: string;
  cosigners: string[];
  delegation: string | null;
  submittedAt: string | null;
  units: Array<{ name: string; role: string; round: number }>;
  classification: { code: string; label: string } | null;
  disclosure: { mode: string; publishedAt: string | null };
  summary: string | null;
  replies: Array<{ unit: string; round: number; classification: { code: string; label: string } | null; repliedAt: string; followUp: boolean; text: string }>;
  key: { result: string | null } | null;
}

export interface SearchHit {
  id: string;
  number: number | null;
  numberLabel: string;
  session: { id: string; name: string };
  category: string;
  classification: string | null;
  title: string;
  highlightedTitle: string;
  snippet: string;
}

export interface Figure {
  value: number | null;
  numerator?: number;
  denominator?: number;
  definition: string;
}

export interface FigureRow {
  key: string;
  label: string;
  figures: Record<string, Figure>;
  score?: number;
  rank?: number;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

/** A person forms choose by name (GET /people?role=…): the id is their user account. */
export interface Person {
  id: string;
  name: string;
  roles: string[];
}

export interface AnnouncementSummary {
  id: string;
  label: string;
  title: string;
  meetingName: string;
  meetingDate: string;
  publishedAt: string;
  items: number;
  passed: number;
  url: string;
  docxUrl: string;
}
