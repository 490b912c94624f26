import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, maySendSuggestionEvent } from '@app/accounts';
import { APP_CONFIG, AppConfig, Clock, invalidInput } from '@app/persistence';
import {
  auditHash, InstanceRow, WorkflowEngine, WorkflowException, WorkflowExceptionCode, WorkflowInstanceRepository, WorkflowRegistry,
} from '@app/workflow-engine';
import type { SuggestionContext } from '@app/workflows/suggestion';
import { MAX_ATTACHMENTS_PER_SUGGESTION } from '../constants/attachment-limits.constant';
import { SuggestionAttachmentEntity } from '../entities/suggestion-attachment.entity';
import { AttachmentException, AttachmentExceptionCode } from '../exceptions/attachment.exception';
import { SuggestionException, SuggestionExceptionCode } from '../exceptions/suggestion.exception';
import { AttachmentRepository } from '../repositories/attachment.repository';
import { SuggestionRepository } from '../repositories/suggestion.repository';
import { checkAttachment } from '../utils/attachment-type.util';
import { AttachmentStore } from './attachment-store.service';
import { SUGGESTION_WORKFLOW } from './suggestion-workflow.definition';

/** What multer hands over for one uploaded file. */
export interface UploadedAttachment {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
}

/** The suggestion's timeline records each change of its files, chained like its events. */
export enum AttachmentEventType {
  ATTACHMENT_ADDED = 'ATTACHMENT_ADDED',
  ATTACHMENT_REMOVED = 'ATTACHMENT_REMOVED',
}

const toView = ({ id, fileName, contentType, sizeBytes, sha256, uploadedBy, createdAt }: SuggestionAttachmentEntity): AttachmentView => ({
  id, fileName, contentType, sizeBytes, sha256, uploadedBy, createdAt,
});

/**
 * Files deputies attach to a draft suggestion. Whoever may read the suggestion lists and downloads them (the public
 * portal never shows them); whoever may submit the draft adds and removes them until it is submitted. Each change is
 * an entry on the suggestion's audit chain, written in the same transaction as the row.
 */
@Injectable()
export class AttachmentService {
  private readonly logger = new Logger(AttachmentService.name);
  private readonly maxBytes: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly engine: WorkflowEngine,
    private readonly registry: WorkflowRegistry,
    private readonly instances: WorkflowInstanceRepository,
    private readonly suggestions: SuggestionRepository,
    private readonly attachments: AttachmentRepository,
    private readonly store: AttachmentStore,
    private readonly clock: Clock,
  ) {
    this.maxBytes = config.ATTACHMENT_MAX_MB * 1024 * 1024;
  }

  async list(user: AuthUser, suggestionId: string): Promise<AttachmentView[]> {
    await this.checkReadable(user, suggestionId);
    return (await this.attachments.list(user, suggestionId)).map(toView);
  }

  async open(user: AuthUser, suggestionId: string, attachmentId: string): Promise<{ attachment: AttachmentView; stream: Readable; size: number }> {
    await this.checkReadable(user, suggestionId);
    const row = await this.attachments.find(user, suggestionId, attachmentId);
    if (!row) throw new AttachmentException(AttachmentExceptionCode.ATTACHMENT_NOT_FOUND, `Attachment ${attachmentId} not found`);
    const { stream, size } = await this.store.open(row.storageKey);
    return { attachment: toView(row), stream, size };
  }

  async add(user: AuthUser, suggestionId: string, file: UploadedAttachment | undefined): Promise<AttachmentView> {
    await this.checkReadable(user, suggestionId);
    if (!file?.buffer) throw invalidInput([{ field: 'file', reason: 'send the file as multipart/form-data field "file"' }]);
    if (file.size > this.maxBytes) throw invalidInput([{ field: 'file', reason: `must not be larger than ${this.maxBytes / 1024 / 1024} MB` }]);
    const checked = await checkAttachment(file.originalname, file.buffer);
    if (!checked.ok) throw invalidInput([{ field: checked.field, reason: checked.reason }]);
    const id = randomUUID();
    const storageKey = `${user.jurisdictionId}/${suggestionId}/${id}`;
    let stored = false;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const draft = await this.getEditableDraftOrFail(manager, user, suggestionId);
        if ((await this.attachments.count(manager, user, suggestionId)) >= MAX_ATTACHMENTS_PER_SUGGESTION) {
          throw invalidInput([{ field: 'file', reason: `a suggestion takes at most ${MAX_ATTACHMENTS_PER_SUGGESTION} attachments` }]);
        }
        const { sha256 } = await this.store.put(storageKey, file.buffer);
        stored = true;
        const row: SuggestionAttachmentEntity = {
          id, jurisdictionId: user.jurisdictionId, suggestionId, fileName: checked.fileName, contentType: checked.contentType,
          sizeBytes: file.buffer.length, sha256, storageKey, uploadedBy: user.userId, createdAt: this.clock.now(),
        };
        await this.attachments.insert(manager, row);
        await this.recordOnTimeline(manager, user, draft, AttachmentEventType.ATTACHMENT_ADDED, {
          attachmentId: id, fileName: row.fileName, sizeBytes: row.sizeBytes, sha256,
        });
        return toView(row);
      });
    } catch (error) {
      // Nothing was committed: the stored bytes would be an orphan.
      if (stored) await this.store.remove(storageKey).catch((failure: Error) => this.logger.warn(`orphan attachment ${storageKey}: ${failure.message}`));
      throw error;
    }
  }

  async remove(user: AuthUser, suggestionId: string, attachmentId: string): Promise<void> {
    await this.checkReadable(user, suggestionId);
    const removed = await this.dataSource.transaction(async (manager) => {
      const draft = await this.getEditableDraftOrFail(manager, user, suggestionId);
      const row = await this.attachments.delete(manager, user, suggestionId, attachmentId);
      if (!row) throw new AttachmentException(AttachmentExceptionCode.ATTACHMENT_NOT_FOUND, `Attachment ${attachmentId} not found`);
      await this.recordOnTimeline(manager, user, draft, AttachmentEventType.ATTACHMENT_REMOVED, {
        attachmentId, fileName: row.fileName, sha256: row.sha256,
      });
      return row;
    });
    // After commit: a failed removal leaves an unreferenced file, never a row without its file.
    await this.store.remove(removed.storageKey).catch((failure: Error) => this.logger.warn(`could not remove ${removed.storageKey}: ${failure.message}`));
  }

  private async checkReadable(user: AuthUser, suggestionId: string): Promise<void> {
    if (!(await this.suggestions.isReadable(user, suggestionId))) {
      throw new SuggestionException(SuggestionExceptionCode.SUGGESTION_NOT_FOUND, `Suggestion ${suggestionId} not found`);
    }
  }

  /** Locks the suggestion, then: 403 unless the user may submit it (the lead deputy), 409 once it is no longer a draft. */
  private async getEditableDraftOrFail(manager: EntityManager, user: AuthUser, suggestionId: string): Promise<{ row: InstanceRow; state: string }> {
    const scope = { workflow: SUGGESTION_WORKFLOW, jurisdictionId: user.jurisdictionId };
    // Serialises changes of one suggestion's files (two uploads at once both succeed, one after the other).
    await this.instances.lockSnapshot(manager, scope, suggestionId, 'UPDATE');
    const { row, snapshot } = await this.engine.getSnapshotOrFail(manager, scope, suggestionId);
    if (!maySendSuggestionEvent('SUBMIT', user, snapshot.context as SuggestionContext)) {
      throw new AttachmentException(AttachmentExceptionCode.ATTACHMENT_FORBIDDEN, 'Only the lead deputy adds or removes attachments');
    }
    const state = this.registry.get(SUGGESTION_WORKFLOW).headlineState(snapshot.value);
    if (state !== 'draft') {
      throw new AttachmentException(
        AttachmentExceptionCode.ATTACHMENT_LOCKED_CONFLICT,
        `Attachments are added or removed only while the suggestion is a draft; it is ${state}, so they can only be listed and downloaded`,
        { state, allowed: ['list', 'download'] },
      );
    }
    return { row, state };
  }

  /** Appends to the suggestion's hash chain as an event would: next seq, instance version bumped, snapshot unchanged. */
  private async recordOnTimeline(
    manager: EntityManager,
    user: AuthUser,
    { row, state }: { row: InstanceRow; state: string },
    eventType: AttachmentEventType,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const at = this.clock.now();
    const seq = row.version + 1;
    const hash = auditHash(row.lastEventHash, {
      instanceId: row.id, seq, eventType, actorUserId: user.userId, fromState: state, toState: state, payload, at: at.toISOString(),
    });
    const swapped = await this.instances.compareAndSwap(manager, { id: row.id, expectedVersion: row.version, snapshot: row.snapshot, lastEventHash: hash, at });
    if (!swapped) throw new WorkflowException(WorkflowExceptionCode.VERSION_CONFLICT, `Suggestion ${row.id} was changed meanwhile; reload and retry`);
    await this.instances.appendAudit(manager, {
      jurisdictionId: row.jurisdictionId, workflow: SUGGESTION_WORKFLOW, instanceId: row.id, seq, actorUserId: user.userId,
      actorRoles: user.roles, eventType, fromState: state, toState: state, payload, reason: null, at, prevHash: row.lastEventHash, hash,
    });
  }
}
