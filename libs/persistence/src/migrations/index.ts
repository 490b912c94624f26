import { InitialSchema1795911665461 } from './1795911665461-InitialSchema';
import { Accounts1795920000000 } from './1795920000000-Accounts';
import { Meetings1795930000000 } from './1795930000000-Meetings';
import { DisclosureSearch1795940000000 } from './1795940000000-DisclosureSearch';
import { NotificationChannels1795975000000 } from './1795975000000-NotificationChannels';
import { ReviewOpinions1795950000000 } from './1795950000000-ReviewOpinions';
import { Attachments1795990000000 } from './1795990000000-Attachments';
import { VoteSubjects1795980000000 } from './1795980000000-VoteSubjects';
import { LivelihoodProjects1795985000000 } from './1795985000000-LivelihoodProjects';
import { SearchRanking1796005000000 } from './1796005000000-SearchRanking';
import { TallyShards1796010000000 } from './1796010000000-TallyShards';

/** Every migration in order; the data source runs these and nothing else (never `synchronize`). */
export const MIGRATIONS = [InitialSchema1795911665461, Accounts1795920000000, Meetings1795930000000, DisclosureSearch1795940000000, NotificationChannels1795975000000, ReviewOpinions1795950000000, Attachments1795990000000, VoteSubjects1795980000000, LivelihoodProjects1795985000000, SearchRanking1796005000000, TallyShards1796010000000];
