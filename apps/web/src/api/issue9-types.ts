/** Shapes of the review-opinion and livelihood-project answers, as libs/review-opinions and libs/livelihood-projects send them. */

export interface OptionShare {
  count: number;
  percent: string;
}

/** A published satisfaction score of the standing committee: counts with their shares. */
export interface PublishedScore {
  meetingName: string;
  meetingDate: string;
  announcement: string | null;
  announcementUrl?: string | null;
  passed: boolean;
  ballotsReturned: number;
  satisfied: OptionShare;
  basicallySatisfied: OptionShare;
  unsatisfied: OptionShare;
}

export type ReviewItemStatus = 'ASSIGNED' | 'REPORTED' | 'SENT_BACK' | 'CLOSED';

export interface PublicReviewItem {
  position: number;
  content: string;
  unit: string | null;
  status: ReviewItemStatus;
  firstDueAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  sentBackCount: number;
  closedAt: string | null;
  closedOnTime: boolean | null;
  report: string | null;
  reportedAt: string | null;
}

export interface PublicReviewList {
  id: string;
  title: string;
  sourceReport: string;
  meetingName: string;
  state: string;
  reportingUnit: string | null;
  assignedAt: string | null;
  reportDueAt: string | null;
  reportSubmittedAt: string | null;
  reportOverdue: boolean;
  concludedAt: string | null;
  report: string | null;
  progress: { items: number; closed: number; closedOnTime: number; itemsSentBack: number };
  items: PublicReviewItem[];
  result: 'PASSED' | 'FAILED' | 'PENDING';
  scores: PublishedScore[];
}

export interface LivelihoodVoteSummary {
  id: string;
  year: number;
  title: string;
  sessionName: string;
  places: number;
  state: string;
  electorate: number | null;
}

export interface PublicCandidate {
  id: string;
  position: number;
  title: string;
  description: string;
  unit: string | null;
  source: 'GOVERNMENT' | 'PUBLIC';
}

export type CandidateOutcome = 'CHOSEN' | 'RUNOFF' | 'OUTRANKED' | 'FAILED';

export interface LivelihoodRound {
  round: number;
  places: number;
  electorate: number;
  minimumApprovals: number;
  ballotsIssued: number;
  ballotsReturned: number;
  counts: Array<{ candidateId: string; title: string; approvals: number; outcome: CandidateOutcome }>;
  chosen: string[];
  tied: string[];
  tiedPlaces: number;
}

export interface LivelihoodResult {
  places: number;
  rounds: LivelihoodRound[];
  chosen: Array<{ candidateId: string; title: string }>;
  tie: { candidateIds: string[]; places: number; titles: string[] } | null;
}

export interface LivelihoodMilestone {
  id: string;
  title: string;
  dueAt: string;
  doneAt: string | null;
  overdue: boolean;
}

/** A progress report on a chosen project, with the milestones it marked done. */
export interface LivelihoodProgressReport {
  percent: number;
  text: string;
  milestoneIds: string[];
  reportedAt: string;
}

/** A chosen project through the year, as both the public site and the staff screen read it. */
interface LivelihoodProjectProgress {
  projectId: string;
  title: string;
  unit: string | null;
  progress: number;
  completed: boolean;
  milestones: LivelihoodMilestone[];
  reports: LivelihoodProgressReport[];
}

export interface PublicLivelihoodProject extends LivelihoodProjectProgress {
  satisfaction: PublishedScore | null;
}

/** The staff view of a chosen project: the standing committee's score once recorded. */
export interface LivelihoodProject extends LivelihoodProjectProgress {
  score: { voteSessionId: string; passed: boolean } | null;
}

export interface PublicLivelihoodProgress extends LivelihoodVoteSummary {
  committeeReports: Array<{ reportedAt: string; onTime: boolean }>;
  projects: PublicLivelihoodProject[];
}

/** A vote as a signed-in user reads it: the open round's turnout (never its counts) and the events the caller may send. */
export interface LivelihoodVote extends LivelihoodVoteSummary {
  candidates: Array<PublicCandidate & { unitId: string | null; withdrawn: boolean; outcome: CandidateOutcome | null }>;
  ballot: {
    round: number;
    candidateIds: string[];
    places: number;
    entitled: number;
    returned: number;
    entitledMe: boolean;
    returnedMe: boolean;
  } | null;
  result: LivelihoodResult;
  projects: LivelihoodProject[];
  /** Progress reports to the standing committee so far, and how many fell due unreported. */
  committeeReports: number;
  progressOverdue: number;
  openDeadlines: Array<{ key: string; kind: 'PROJECT_MILESTONE' | 'PROGRESS_REPORT'; dueAt: string; unitId: string | null }>;
  allowedEvents: string[];
}

export interface ReviewOpinionListRow {
  id: string;
  title: string;
  meetingName: string;
  state: string;
  allowedEvents?: string[];
}
