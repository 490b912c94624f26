import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@app/workflows/common/actor';
import { AuthUser, DirectoryRepository } from '@app/accounts';
import { Clock, FieldError, invalidInput } from '@app/persistence';
import { WorkflowEngine } from '@app/workflow-engine';
import { SUGGESTION_WORKFLOW_NAME } from '../constants/meetings.constant';
import { VoteSubjectKind } from '../constants/vote-subject.constant';
import { DecideKeyProposalsDto, ProposeKeySuggestionsDto } from '../dtos/key-proposal.dto';
import { KeyProposalEntity, KeyProposalStatus } from '../entities/key-proposal.entity';
import { MeetingsException, MeetingsExceptionCode } from '../exceptions/meetings.exception';
import { KeyItemRepository, KeyItemRow } from '../repositories/key-item.repository';
import { KeyProposalRepository } from '../repositories/key-proposal.repository';
import { VoteRepository } from '../repositories/vote.repository';
import { MEETING_ROLES, requireRole } from '../utils/meetings-access.util';
import { groupByTopic, isOpenForKeyTrack, leaderItemView } from '../utils/key-item-view.util';

/** The office proposes key suggestions; the council decides, which marks each approved one key in its workflow. */
@Injectable()
export class KeySuggestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly proposals: KeyProposalRepository,
    private readonly keyItems: KeyItemRepository,
    private readonly votes: VoteRepository,
    private readonly directory: DirectoryRepository,
    private readonly clock: Clock,
  ) {}

  async propose(user: AuthUser, dto: ProposeKeySuggestionsDto): Promise<KeyProposalEntity[]> {
    requireRole(user, MEETING_ROLES.prepare, 'propose key suggestions');
    await this.checkProposal(user, dto);
    const at = this.clock.now();
    const ids = await this.dataSource.transaction((manager) =>
      this.proposals.insertMany(
        manager,
        dto.items.map((item) => ({
          jurisdictionId: user.jurisdictionId, suggestionId: item.suggestionId, topic: item.topic ?? null,
          supervisingLeaderId: item.supervisingLeaderId, supervisingCommittee: item.supervisingCommittee ?? null,
          leadingLeaderId: item.leadingLeaderId, note: item.note ?? null, status: KeyProposalStatus.PROPOSED,
          proposedBy: user.userId, proposedAt: at, decidedBy: null, decidedAt: null, decisionReason: null,
        })),
      ),
    );
    return this.proposals.findMany(user, ids);
  }

  listProposals(user: AuthUser, status?: KeyProposalStatus): Promise<KeyProposalEntity[]> {
    requireRole(user, MEETING_ROLES.read, 'see key-suggestion proposals');
    return this.proposals.list(user, status);
  }

  /** The council's decision: approvals become MARK_KEY on each suggestion, all in one transaction with the proposals. */
  async decide(user: AuthUser, dto: DecideKeyProposalsDto): Promise<KeyProposalEntity[]> {
    requireRole(user, [Role.COUNCIL_MEMBER], 'decide key suggestions (the council of chairpersons does)');
    const ids = [...dto.approve, ...dto.reject.map((r) => r.proposalId)];
    if (ids.length === 0) throw invalidInput([{ field: 'approve', reason: 'approve or reject at least one proposal' }]);
    if (new Set(ids).size !== ids.length) throw invalidInput([{ field: 'reject', reason: 'a proposal is both approved and rejected' }]);
    const found = await this.proposals.findMany(user, ids);
    const missing = ids.filter((id) => !found.some((p) => p.id === id));
    if (missing.length > 0) throw new MeetingsException(MeetingsExceptionCode.KEY_PROPOSAL_NOT_FOUND, `Proposals not found: ${missing.join(', ')}`, { missing });
    const at = this.clock.now();
    await this.engine.inTransaction(async ({ manager, apply }) => {
      for (const proposal of found.filter((p) => dto.approve.includes(p.id))) {
        await this.decideOne(manager, user, { id: proposal.id, status: KeyProposalStatus.APPROVED, at, reason: null });
        await apply({
          workflow: SUGGESTION_WORKFLOW_NAME, jurisdictionId: user.jurisdictionId, instanceId: proposal.suggestionId, actor: user,
          event: {
            type: 'MARK_KEY', supervisingLeaderId: proposal.supervisingLeaderId, leadingLeaderId: proposal.leadingLeaderId,
            ...(proposal.topic ? { topic: proposal.topic } : {}),
          },
        });
      }
      for (const rejection of dto.reject) {
        await this.decideOne(manager, user, { id: rejection.proposalId, status: KeyProposalStatus.REJECTED, at, reason: rejection.reason });
      }
    });
    return this.proposals.findMany(user, ids);
  }

  async list(user: AuthUser) {
    requireRole(user, MEETING_ROLES.read, 'see key suggestions');
    const items = await this.keyItems.keyItems(user);
    return { total: items.length, topics: groupByTopic(items), items };
  }

  /** A leader's own key items: progress, deadlines, contacts, replies, hearings, votes and what is overdue. */
  async mine(user: AuthUser) {
    requireRole(user, MEETING_ROLES.leader, 'have key suggestions of your own (leaders only)');
    const items = await this.keyItems.keyItems(user, user.userId);
    const ids = items.map((item) => item.suggestionId);
    const [assignments, deadlines, contacts, replies, hearings, votes] = await Promise.all([
      this.keyItems.assignments(user, ids), this.keyItems.openDeadlines(user, ids), this.keyItems.contacts(user, ids),
      this.keyItems.replies(user, ids), this.keyItems.hearings(user, ids),
      this.votes.subjectResults(user, VoteSubjectKind.KEY_SUGGESTION, ids).then((rows) => rows.map(({ subjectId, ...row }) => ({ suggestionId: subjectId, ...row }))),
    ]);
    const now = this.clock.now();
    const views = items.map((item: KeyItemRow) =>
      leaderItemView({ item, userId: user.userId, now, assignments, deadlines, contacts, replies, hearings, votes }),
    );
    return { total: views.length, overdue: views.filter((v) => v.warnings.some((w) => w.level === 'OVERDUE')).length, items: views };
  }

  private async decideOne(
    manager: Parameters<KeyProposalRepository['decide']>[0],
    user: AuthUser,
    decision: { id: string; status: KeyProposalStatus; at: Date; reason: string | null },
  ): Promise<void> {
    const decided = await this.proposals.decide(manager, user, {
      id: decision.id, status: decision.status, decidedBy: user.userId, decidedAt: decision.at, reason: decision.reason,
    });
    if (!decided) throw new MeetingsException(MeetingsExceptionCode.KEY_PROPOSAL_CONFLICT, `Proposal ${decision.id} was already decided`);
  }

  private async checkProposal(user: AuthUser, dto: ProposeKeySuggestionsDto): Promise<void> {
    const ids = dto.items.map((item) => item.suggestionId);
    const errors: FieldError[] = [];
    const facts = await this.keyItems.suggestionFacts(user, ids);
    const pending = new Set(await this.proposals.pendingFor(user, ids));
    const leaders = await this.directory.findLeaderUsers(user, dto.items.flatMap((i) => [i.supervisingLeaderId, i.leadingLeaderId]));
    const isA = (id: string, role: Role) => leaders.some((leader) => leader.id === id && leader.roles.includes(role));
    dto.items.forEach((item, index) => {
      const field = `items[${index}]`;
      const fact = facts.find((f) => f.id === item.suggestionId);
      if (ids.indexOf(item.suggestionId) !== index) errors.push({ field: `${field}.suggestionId`, reason: 'is listed twice' });
      else if (!fact) errors.push({ field: `${field}.suggestionId`, reason: 'no such suggestion' });
      else if (fact.isKey) errors.push({ field: `${field}.suggestionId`, reason: 'is already a key suggestion' });
      else if (pending.has(item.suggestionId)) errors.push({ field: `${field}.suggestionId`, reason: 'already waits for the council' });
      else if (!isOpenForKeyTrack(fact.state)) errors.push({ field: `${field}.suggestionId`, reason: `a suggestion in state ${fact.state} cannot become key` });
      if (!isA(item.supervisingLeaderId, Role.SC_LEADER)) errors.push({ field: `${field}.supervisingLeaderId`, reason: 'must be a standing-committee leader' });
      if (!isA(item.leadingLeaderId, Role.GOV_LEADER)) errors.push({ field: `${field}.leadingLeaderId`, reason: 'must be a government leader' });
    });
    if (errors.length > 0) throw invalidInput(errors);
  }
}
