import { IsEnum, IsInt, Min } from 'class-validator';
import type { DeadlineKind } from '@app/workflows/suggestion/suggestion.types';
import { DeadlineUnit } from '../profile.types';
import { NestedField } from '../validators/nested-field.validator';
import { IsNotShorterThan } from '../validators/profile-cross-field.validator';

/** One deadline: `amount` units counted from the triggering event. */
export class DeadlineRule {
  @IsInt()
  @Min(1)
  amount: number;

  @IsEnum(DeadlineUnit)
  unit: DeadlineUnit;
}

const DeadlineRuleField = () => NestedField(() => DeadlineRule);

/** One rule per DeadlineKind; `implements` makes a new kind in the machine a compile error here. */
export class DeadlineRules implements Record<DeadlineKind, DeadlineRule> {
  @DeadlineRuleField()
  ASSIGNMENT: DeadlineRule;

  @DeadlineRuleField()
  ADJUSTMENT: DeadlineRule;

  @DeadlineRuleField()
  CO_UNIT_OPINION: DeadlineRule;

  @DeadlineRuleField()
  REPLY: DeadlineRule;

  @DeadlineRuleField()
  @IsNotShorterThan('REPLY')
  REPLY_MAX: DeadlineRule;

  @DeadlineRuleField()
  REHANDLING_REPLY: DeadlineRule;

  @DeadlineRuleField()
  FEEDBACK: DeadlineRule;

  @DeadlineRuleField()
  DISCLOSURE: DeadlineRule;

  @DeadlineRuleField()
  REPORT_AGAIN: DeadlineRule;
}
