import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/persistence';
import type { AuthUser } from '../auth-user';
import { AccountEventType } from '../constants/account-event.constant';
import { DEPUTY_COLUMNS, DeputyField, RosterErrorReason, UNIT_COLUMNS, UnitField } from '../constants/roster-columns.constant';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { DirectoryRepository } from '../repositories/directory.repository';
import { RosterRepository } from '../repositories/roster.repository';
import { flagDuplicates, parseRoster, ParsedRoster, RosterError } from '../utils/roster-validate.util';
import { readSheet, SheetFormat, writeSheet } from '../utils/roster-sheet.util';
import { AccountAuditService } from './account-audit.service';

export type RosterKind = 'deputies' | 'units';

export interface ImportReport {
  kind: RosterKind;
  dryRun: boolean;
  format: SheetFormat;
  rows: number;
  valid: boolean;
  errors: RosterError[];
  /** New and changed records: what the import did, or in a dry run what it would do. */
  created: number;
  updated: number;
}

/** Imports and exports of the deputy and unit rosters. An import is all or nothing: any bad row and nothing is written. */
@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryRepository,
    private readonly rosters: RosterRepository,
    private readonly audit: AccountAuditService,
    private readonly clock: Clock,
  ) {}

  async importDeputies(user: AuthUser, file: Buffer, { dryRun }: { dryRun: boolean }): Promise<ImportReport> {
    const { format, rows } = await readSheet(file);
    return this.dataSource.transaction(async (manager) => {
      const delegations = new Map((await this.directory.listDelegations(user)).map((d) => [d.name, d.id]));
      const parsed = flagDuplicates<DeputyField>(parseRoster(rows, DEPUTY_COLUMNS, ['phone']), 'deputyNumber', RosterErrorReason.DUPLICATE_NUMBER);
      const known = this.knownDelegations(parsed, delegations);
      const planned = await this.plan(manager, user, 'deputies', known, (values) => values.deputyNumber);
      const report: ImportReport = { kind: 'deputies', dryRun, format, rows: Math.max(0, rows.length - 1), ...planned };
      if (!report.valid) return this.refuseOrReport(report);
      if (dryRun) return report;
      const result = await this.rosters.upsertDeputies(manager, user, known.records.map(({ values }) => ({
        name: values.name, deputyNumber: values.deputyNumber, delegationId: delegations.get(values.delegation) as string,
        phone: values.phone || null, employer: values.employer || null,
      })));
      await this.recordImport(manager, user, report, file, result);
      return { ...report, ...result };
    });
  }

  async importUnits(user: AuthUser, file: Buffer, { dryRun }: { dryRun: boolean }): Promise<ImportReport> {
    const { format, rows } = await readSheet(file);
    return this.dataSource.transaction(async (manager) => {
      const parsed = flagDuplicates<UnitField>(parseRoster(rows, UNIT_COLUMNS, ['contact']), 'code', RosterErrorReason.DUPLICATE_CODE);
      const planned = await this.plan(manager, user, 'units', parsed, (values) => values.code);
      const report: ImportReport = { kind: 'units', dryRun, format, rows: Math.max(0, rows.length - 1), ...planned };
      if (!report.valid) return this.refuseOrReport(report);
      if (dryRun) return report;
      const result = await this.rosters.upsertUnits(manager, user, parsed.records.map(({ values }) => ({
        name: values.name, code: values.code, kind: values.kind, contact: values.contact || null,
      })));
      await this.recordImport(manager, user, report, file, result);
      return { ...report, ...result };
    });
  }

  async exportDeputies(user: AuthUser, format: SheetFormat): Promise<Buffer> {
    const [deputies, delegations] = await Promise.all([this.directory.listDeputies(user), this.directory.listDelegations(user)]);
    const delegationName = new Map(delegations.map((d) => [d.id, d.name]));
    return writeSheet({
      format, title: '代表名册', header: [...DEPUTY_COLUMNS.map((c) => c.labels[0]), '状态'],
      rows: deputies.map((d) => [d.name, d.deputyNumber, delegationName.get(d.delegationId) ?? '', d.phone ?? '', d.employer ?? '', d.active ? '在任' : '已离任']),
    });
  }

  async exportUnits(user: AuthUser, format: SheetFormat): Promise<Buffer> {
    const units = await this.directory.listUnits(user);
    return writeSheet({
      format, title: '承办单位', header: [...UNIT_COLUMNS.map((c) => c.labels[0]), '状态'],
      rows: units.map((u) => [u.name, u.code, u.kind, u.contact ?? '', u.active ? '启用' : '停用']),
    });
  }

  private knownDelegations(parsed: ParsedRoster<DeputyField>, delegations: Map<string, string>): ParsedRoster<DeputyField> {
    const unknown = parsed.records.filter((record) => !delegations.has(record.values.delegation));
    return {
      ...parsed,
      records: parsed.records.filter((record) => delegations.has(record.values.delegation)),
      errors: [
        ...parsed.errors,
        ...unknown.map((record) => ({ row: record.row, field: 'delegation', reason: RosterErrorReason.UNKNOWN_DELEGATION, value: record.values.delegation })),
      ].sort((a, b) => a.row - b.row),
    };
  }

  private async plan<K extends DeputyField | UnitField>(
    manager: EntityManager,
    user: AuthUser,
    kind: RosterKind,
    parsed: ParsedRoster<K>,
    keyOf: (values: Record<K, string>) => string,
  ): Promise<Pick<ImportReport, 'valid' | 'errors' | 'created' | 'updated'>> {
    const existing = await this.rosters.existingKeys(manager, user, kind);
    const updated = parsed.records.filter((record) => existing.has(keyOf(record.values))).length;
    return { valid: parsed.errors.length === 0, errors: parsed.errors, created: parsed.records.length - updated, updated };
  }

  private refuseOrReport(report: ImportReport): ImportReport {
    if (report.dryRun) return report;
    throw new AccountsException(
      AccountsExceptionCode.INVALID_ROSTER,
      `${report.errors.length} problem(s) in the file; nothing was imported`,
      { errors: report.errors, rows: report.rows },
    );
  }

  private recordImport(manager: EntityManager, user: AuthUser, report: ImportReport, file: Buffer, result: { created: number; updated: number }): Promise<void> {
    return this.audit.record(manager, {
      jurisdictionId: user.jurisdictionId, actor: user, eventType: AccountEventType.ROSTER_IMPORTED, toState: 'IMPORTED',
      payload: { kind: report.kind, format: report.format, rows: report.rows, ...result, sha256: createHash('sha256').update(file).digest('hex') },
      at: this.clock.now(),
    });
  }
}
