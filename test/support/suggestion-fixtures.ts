import { AuthUser, DirectoryRepository, toAuthUser } from '@app/accounts';
import { SUGGESTION_WORKFLOW, SuggestionService } from '@app/suggestions';
import { WorkflowEngine } from '@app/workflow-engine';
import type { SeededDirectory } from '../../scripts/demo/seed-directory';
import type { TestSystem } from './test-system';

/**
 * Moves many suggestions without HTTP round trips, for tests that need hundreds: filing goes through the real
 * SuggestionService, events through the real WorkflowEngine (rules, permissions, audit, deadlines, outbox).
 */
export function suggestionFixtures(system: TestSystem, directory: SeededDirectory) {
  const service = system.api.get(SuggestionService);
  const users = new Map<string, AuthUser>();

  const user = async (username: string): Promise<AuthUser> => {
    let found = users.get(username);
    if (!found) {
      const entity = await system.api.get(DirectoryRepository).findUserByUsername({ jurisdictionId: directory.jurisdictionId }, username);
      if (!entity) throw new Error(`no user ${username} in ${directory.code}`);
      found = toAuthUser(entity);
      users.set(username, found);
    }
    return found;
  };

  const send = async (username: string, id: string, event: { type: string; [field: string]: unknown }) =>
    service.sendEvent(await user(username), id, event);

  /**
   * One user sends the same event to many suggestions in one engine transaction (rules, permissions, audit,
   * deadlines and outbox as usual, without the service's per-request read-back): a fast way to move a batch on.
   */
  const sendToAll = async (username: string, ids: string[], event: { type: string; [field: string]: unknown }) => {
    const actor = await user(username);
    return system.api.get(WorkflowEngine).applyAll(
      ids.map((instanceId) => ({ workflow: SUGGESTION_WORKFLOW, jurisdictionId: actor.jurisdictionId, instanceId, actor, event })),
    );
  };

  /** Files (through the service), submits and accepts `count` session suggestions without co-signers; ids in filing order. */
  const newAcceptedSuggestions = async (count: number, { concurrency = 8 } = {}): Promise<string[]> => {
    const ids: string[] = new Array(count);
    const deputyOf = (index: number) => `deputy${String((index % directory.deputyIds.length) + 1).padStart(3, '0')}`;
    await inParallel(count, concurrency, async (index) => {
      const created = await service.create(await user(deputyOf(index)), {
        sessionId: directory.sessionId,
        title: `关于第${index + 1}项民生事项的建议`,
        content: '建议有关部门研究解决。',
        category: '社会建设',
        duringSession: true,
        agreesToDisclosure: true,
      });
      ids[index] = created.id;
    });
    const byDeputy = new Map<string, string[]>();
    ids.forEach((id, index) => byDeputy.set(deputyOf(index), [...(byDeputy.get(deputyOf(index)) ?? []), id]));
    for (const [deputy, own] of byDeputy) await sendToAll(deputy, own, { type: 'SUBMIT' });
    await sendToAll('office', ids, { type: 'ACCEPT' });
    return ids;
  };

  /** What a lead unit does before replying (after its co-units' opinions): a contact with the deputy, then the reply. */
  const replyAsLeadUnit = async (leadUser: string, ids: string[], { contactedAt }: { contactedAt: string }): Promise<void> => {
    await sendToAll(leadUser, ids, { type: 'RECORD_CONTACT', method: 'PHONE', contactedAt, participants: '领衔代表' });
    await sendToAll(leadUser, ids, {
      type: 'REPLY', classification: 'A', text: '已按建议办理。', signedBy: '局长', contactPerson: '张三',
      contactPhone: '0513-80001234', agreesToDisclosure: true,
    });
  };

  return { service, user, send, sendToAll, newAcceptedSuggestions, replyAsLeadUnit };
}

/** Runs `work(0..count-1)` with at most `concurrency` at a time. */
export async function inParallel(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

/**
 * Ends a jurisdiction's still-open deadlines when its test is done. The reconciler sweeps every jurisdiction
 * in the run's database, so rows left open would otherwise fire in later test files as their clocks pass them.
 */
export async function endOpenDeadlines(system: TestSystem, jurisdictionId: string): Promise<void> {
  await system.dataSource.query(`UPDATE deadlines SET status = 'CLOSED', ended_at = $2 WHERE jurisdiction_id = $1 AND status = 'OPEN'`, [
    jurisdictionId,
    system.clock.now(),
  ]);
}
