import { VoteSubjectKind } from '@app/meetings';

/** A chosen project as the subject of the year-end satisfaction vote (the standing committee's vote session). */
export const LIVELIHOOD_PROJECT_SUBJECT = VoteSubjectKind.LIVELIHOOD_PROJECT;
