import { Injectable } from '@nestjs/common';
import { AuthUser, JurisdictionProfileService, AsOfService } from '@app/accounts';
import { invalidInput } from '@app/persistence';
import { FIGURE_DEFINITIONS, FIGURE_KEYS, SCORE_DEFINITION } from '../constants/figure-definitions.constant';
import { AsOfQueryDto, FigureGroup, FiguresQueryDto } from '../dtos/report-query.dto';
import { Names, ReportFactsRepository } from '../repositories/report-facts.repository';
import { FigureCalculator, Figures, round } from '../utils/compute-figures.util';
import { checkReportReader } from '../utils/report-access.util';
import { ReportColumn, ReportTable } from '../utils/report-table.util';
import { LivelihoodFiguresSection } from './livelihood-figures-section.service';
import { ReviewOpinionFiguresService } from './review-opinion-figures.service';

export interface FigureRow {
  key: string;
  label: string;
  figures: Figures;
}

export interface ScoreRow extends FigureRow {
  rank: number | null;
  score: number | null;
}

const GROUP_LABELS: Record<FigureGroup, string> = { JURISDICTION: '本级', SESSION: '会议', UNIT: '承办单位', DELEGATION: '代表团', DEPUTY: '领衔代表' };
const NO_DELEGATION = 'none';

/** The year's figures per jurisdiction, session, unit, delegation and deputy, and the unit scoreboard. */
@Injectable()
export class FiguresService {
  constructor(
    private readonly facts: ReportFactsRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly clock: AsOfService,
    private readonly reviewOpinions: ReviewOpinionFiguresService,
    private readonly livelihood: LivelihoodFiguresSection,
  ) {}

  async figures(user: AuthUser, dto: FiguresQueryDto) {
    checkReportReader(user);
    const { asOf, calculator, names } = await this.load(user, dto);
    const rows = this.group(calculator, names, dto.groupBy);
    const reviewOpinions = await this.reviewOpinions.section(user, asOf);
    const livelihood = await this.livelihood.section(user, asOf);
    return { asOf: asOf.toISOString(), groupBy: dto.groupBy, sessionId: dto.sessionId ?? null, definitions: FIGURE_DEFINITIONS, rows, reviewOpinions, livelihood };
  }

  async unitScoreboard(user: AuthUser, dto: AsOfQueryDto) {
    checkReportReader(user);
    const { asOf, calculator, names } = await this.load(user, dto);
    const { unitScoring } = await this.profiles.getProfile(user.jurisdictionId);
    const scored = this.group(calculator, names, 'UNIT').map((row) => ({ ...row, score: score(row.figures, unitScoring) }));
    const ranked = [...scored].filter((row) => row.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
    const rows: ScoreRow[] = scored
      .map((row) => ({ ...row, rank: row.score === null ? null : ranked.findIndex((r) => (r.score as number) === row.score) + 1 }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.label.localeCompare(b.label));
    return { asOf: asOf.toISOString(), sessionId: dto.sessionId ?? null, formula: { ...unitScoring, definition: SCORE_DEFINITION }, definitions: FIGURE_DEFINITIONS, rows };
  }

  async keySuggestions(user: AuthUser, dto: AsOfQueryDto) {
    checkReportReader(user);
    const { asOf, facts, names } = await this.load(user, dto);
    const keyed = facts.suggestions.filter((s) => s.key !== null);
    const items = await this.facts.keyItems(user, keyed.map((s) => s.id));
    const rows = items.map((item) => ({
      ...item,
      session: names.sessions.find((s) => s.id === item.sessionId)?.name ?? '',
      result: keyed.find((s) => s.id === item.id)?.key ?? 'PENDING',
    }));
    return { asOf: asOf.toISOString(), sessionId: dto.sessionId ?? null, rows };
  }

  figuresTable(result: Awaited<ReturnType<FiguresService['figures']>>, localDate: string): ReportTable {
    return {
      title: `建议办理统计（按${GROUP_LABELS[result.groupBy]}）`,
      subtitle: `截至 ${localDate}${result.sessionId ? '，限定会议' : ''}；每项指标的定义见表头下一行`,
      columns: [{ key: 'label', header: GROUP_LABELS[result.groupBy], format: 'text', width: 28 }, ...figureColumns()],
      rows: result.rows.map((row) => ({ label: row.label, ...flatten(row.figures) })),
    };
  }

  scoreboardTable(result: Awaited<ReturnType<FiguresService['unitScoreboard']>>, localDate: string): ReportTable {
    const weights = Object.entries(result.formula.weights).map(([key, weight]) => `${key}×${weight}`).join(' + ');
    return {
      title: '承办单位办理工作考评',
      subtitle: `截至 ${localDate}；得分 = ${weights} − ${result.formula.overduePenalty}×逾期件数`,
      columns: [
        { key: 'rank', header: '名次 rank', format: 'int', width: 8 },
        { key: 'label', header: '承办单位 unit', format: 'text', width: 28 },
        { key: 'score', header: '得分 score', definition: result.formula.definition, format: 'decimal', width: 16 },
        ...figureColumns(),
      ],
      rows: result.rows.map((row) => ({ rank: row.rank, label: row.label, score: row.score, ...flatten(row.figures) })),
    };
  }

  keyTable(result: Awaited<ReturnType<FiguresService['keySuggestions']>>, localDate: string): ReportTable {
    return {
      title: '重点建议办理及满意度测评结果',
      subtitle: `截至 ${localDate}`,
      columns: [
        { key: 'number', header: '编号 number', format: 'int', width: 10 },
        { key: 'title', header: '标题 title', format: 'text', width: 40 },
        { key: 'session', header: '会议 session', format: 'text', width: 28 },
        { key: 'units', header: '承办单位 units', format: 'text', width: 28 },
        { key: 'result', header: '测评结果 result', definition: 'PASSED / FAILED: latest satisfaction vote by the date; PENDING: none yet', format: 'text', width: 16 },
      ],
      rows: result.rows,
    };
  }

  private async load(user: AuthUser, dto: AsOfQueryDto) {
    const asOf = await this.clock.asOf(user.jurisdictionId, dto.asOf);
    const [profile, names] = await Promise.all([this.profiles.getProfile(user.jurisdictionId), this.facts.names(user)]);
    if (dto.sessionId && !names.sessions.some((s) => s.id === dto.sessionId)) {
      throw invalidInput([{ field: 'sessionId', reason: 'no such session in this jurisdiction' }]);
    }
    const facts = await this.facts.facts(user, asOf, dto.sessionId ?? null);
    const calculator = new FigureCalculator(facts, {
      order: profile.classifications.map((c) => c.code),
      solved: profile.solvedClassifications,
      planned: profile.plannedClassifications,
    });
    return { asOf, facts, calculator, names };
  }

  private group(calculator: FigureCalculator, names: Names, groupBy: FigureGroup): FigureRow[] {
    const rows = (figures: Map<string, Figures>, label: (key: string) => string) =>
      [...figures].map(([key, value]) => ({ key, label: label(key), figures: value }));
    switch (groupBy) {
      case 'JURISDICTION':
        return rows(calculator.bySuggestion(() => 'all', ['all']), () => '全部 all');
      case 'SESSION':
        return rows(calculator.bySuggestion((s) => s.sessionId, names.sessions.map((s) => s.id)), (id) => names.sessions.find((s) => s.id === id)?.name ?? id);
      case 'DELEGATION':
        return rows(
          calculator.bySuggestion((s) => s.delegationId ?? NO_DELEGATION, names.delegations.map((d) => d.id)),
          (id) => names.delegations.find((d) => d.id === id)?.name ?? '（无代表团）',
        );
      case 'DEPUTY':
        return rows(calculator.bySuggestion((s) => s.leadDeputyId, names.deputies.map((d) => d.id)), (id) => {
          const deputy = names.deputies.find((d) => d.id === id);
          return deputy ? `${deputy.name}（${deputy.deputyNumber}）` : id;
        });
      case 'UNIT':
        return rows(calculator.byUnit(names.units.map((u) => u.id)), (id) => names.units.find((u) => u.id === id)?.name ?? id);
    }
  }
}

function score(figures: Figures, scoring: { weights: object; overduePenalty: number }): number | null {
  if (!figures.assigned.value) return null;
  const weighted = Object.entries(scoring.weights as Record<string, number>).reduce(
    (total, [key, weight]) => total + weight * (figures[key as keyof Figures]?.value ?? 0),
    0,
  );
  const overdue = (figures.overdueOpen.value ?? 0) + (figures.repliedLate.value ?? 0);
  return round(weighted - scoring.overduePenalty * overdue, 2);
}

function figureColumns(): ReportColumn[] {
  return FIGURE_KEYS.map((key) => {
    const { name, kind, definition } = FIGURE_DEFINITIONS[key];
    return { key, header: name, definition, format: kind === 'rate' ? 'percent' : kind === 'days' ? 'decimal' : 'int' };
  });
}

function flatten(figures: Figures): Record<string, number | null> {
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, figures[key].value]));
}
