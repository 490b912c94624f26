import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsPositive,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Satisfaction } from '@app/workflows/suggestion/suggestion.types';
import { LOCAL_DATE_PATTERN, REHANDLING_TRIGGERS, type RehandlingTrigger } from '../profile.types';
import { NestedField } from '../validators/nested-field.validator';
import { IsAmongClassificationCodes, IsDisjointFrom } from '../validators/profile-cross-field.validator';
import { Classification } from './classification.dto';
import { DeadlineRule, DeadlineRules } from './deadline-rules.dto';

function LocalDateList(): PropertyDecorator {
  const decorators = [
    IsArray(),
    Matches(LOCAL_DATE_PATTERN, { each: true, message: 'each value in $property must be a date as YYYY-MM-DD' }),
    // strict rejects impossible dates such as 2026-02-30.
    IsISO8601({ strict: true }, { each: true }),
    ArrayUnique(),
  ];
  return (target, propertyName) => decorators.forEach((decorate) => decorate(target, propertyName));
}

export class SatisfactionLabels implements Record<Satisfaction, string> {
  @IsString()
  @IsNotEmpty()
  SATISFIED: string;

  @IsString()
  @IsNotEmpty()
  BASICALLY_SATISFIED: string;

  @IsString()
  @IsNotEmpty()
  UNSATISFIED: string;
}

/** Standing-committee satisfaction vote on key suggestions. */
export class VoteRules {
  /** The item fails when unsatisfied ballots exceed this share of ballots returned (no source gives one). */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  failWhenUnsatisfiedExceedsShare: number;

  @IsBoolean()
  inviteDeputies: boolean;
}

/** Local corrections to the official calendar, e.g. a county's own day off. */
export class CalendarOverrides {
  @LocalDateList()
  extraHolidays: string[];

  @LocalDateList()
  @IsDisjointFrom('extraHolidays')
  extraWorkdays: string[];
}

/** Suggestion numbers read `${prefix}${n}${suffix}`, e.g. 第31号. */
export class NumberingFormat {
  @IsString()
  @MaxLength(16)
  prefix: string;

  @IsString()
  @MaxLength(16)
  suffix: string;
}

/** Weights of the unit scoreboard: score = Σ weight × rate (rates 0–1) − overduePenalty × overdue items. */
export class UnitScoreWeights {
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) replyRate: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) onTimeRate: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) resolvedRate: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) solvedOrPlannedRate: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) satisfiedOrBasicallyRateFinal: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) contactRate: number;
}

/** How the unit scoreboard (承办单位考评) scores each unit. */
export class UnitScoringRules {
  @NestedField(() => UnitScoreWeights)
  weights: UnitScoreWeights;

  /** Points taken off per assignment overdue (still unreplied past due, or replied late). */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  overduePenalty: number;
}

/** Review opinions managed as a list (审议意见清单制): the deadlines the office sets when it assigns a list. */
export class ReviewOpinionRules {
  /** Each item's deadline, counted from assignment, unless the office sets a date. */
  @NestedField(() => DeadlineRule)
  item: DeadlineRule;

  /** The written report on the whole list, counted from assignment (default 2 months). */
  @NestedField(() => DeadlineRule)
  report: DeadlineRule;

  /** An item sent back is reported again within this, counted from the send-back. */
  @NestedField(() => DeadlineRule)
  rework: DeadlineRule;
}

/** Livelihood projects chosen by deputies' vote (民生实事项目代表票决制). */
export class LivelihoodRules {
  /** A candidate is chosen only with approvals above this share of all deputies (default: more than half). */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  approvalShareOfAllDeputies: number;

  /** How often the government reports the chosen projects' progress to the standing committee. */
  @NestedField(() => DeadlineRule)
  progressReport: DeadlineRule;
}

/** Everything that differs between jurisdictions; see /work/shared/domain.md for the defaults' sources. */
export class JurisdictionProfile {
  @NestedField(() => DeadlineRules)
  deadlines: DeadlineRules;

  /** Days before a due date when reminders go out. */
  @IsArray()
  @IsInt({ each: true })
  @IsPositive({ each: true })
  @ArrayUnique()
  reminderOffsetsDays: number[];

  /** In order, best first. */
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => Classification)
  @ArrayUnique((classification: Classification) => classification?.code, {
    message: '$property must not repeat a code',
  })
  classifications: Classification[];

  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  @ArrayUnique()
  @IsAmongClassificationCodes()
  solvedClassifications: string[];

  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  @IsAmongClassificationCodes()
  @IsDisjointFrom('solvedClassifications')
  followUpClassifications: string[];

  /**
   * Being solved or planned (B): with the solved ones they make the "solved or planned" rate. Codes that are not
   * classifications of the profile count for nothing, so a profile that renames its classes keeps validating.
   */
  @IsArray()
  @IsString({ each: true })
  @ArrayUnique()
  plannedClassifications: string[];

  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @ArrayUnique()
  categories: string[];

  @NestedField(() => SatisfactionLabels)
  satisfactionLabels: SatisfactionLabels;

  /** Re-handling rounds allowed after the first handling. */
  @IsInt()
  @Min(0)
  maxRehandlingRounds: number;

  @IsBoolean()
  requireContactBeforeReply: boolean;

  @IsBoolean()
  requireCoUnitOpinionsBeforeReply: boolean;

  @IsIn(REHANDLING_TRIGGERS)
  rehandlingTrigger: RehandlingTrigger;

  @NestedField(() => VoteRules)
  vote: VoteRules;

  @NestedField(() => CalendarOverrides)
  calendar: CalendarOverrides;

  /** IANA zone in which deadlines are counted. */
  @IsString()
  @IsTimeZone()
  timezone: string;

  @NestedField(() => NumberingFormat)
  numbering: NumberingFormat;

  /** Suggestions a deputy should lead or co-sign per year (performance record). */
  @IsInt()
  @Min(0)
  deputyYearlyMinimum: number;

  @NestedField(() => UnitScoringRules)
  unitScoring: UnitScoringRules;

  @NestedField(() => ReviewOpinionRules)
  reviewOpinions: ReviewOpinionRules;

  @NestedField(() => LivelihoodRules)
  livelihood: LivelihoodRules;
}
