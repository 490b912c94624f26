import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { DeadlineUnit } from '../profile.types';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** null when the classifications are malformed: they get their own errors, and comparing against them would only add noise. */
function classificationCodesOf(object: object): string[] | null {
  const classifications = (object as { classifications?: unknown }).classifications;
  if (!Array.isArray(classifications)) return null;
  const codes = classifications.map((item) => (item as { code?: unknown } | null)?.code);
  return codes.every((code) => typeof code === 'string' && code.length > 0) ? (codes as string[]) : null;
}

/** Every code in the list must be one of the profile's classification codes. */
export function IsAmongClassificationCodes(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAmongClassificationCodes',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const codes = classificationCodesOf(args.object);
          // Only judge well-formed lists; shape errors are reported by the other decorators.
          return !isStringArray(value) || codes === null || value.every((code) => codes.includes(code));
        },
        defaultMessage: (args: ValidationArguments) => {
          const codes = classificationCodesOf(args.object) ?? [];
          const unknown = (args.value as string[]).filter((code) => !codes.includes(code));
          return `$property must only contain classification codes (${codes.join(', ')}); unknown: ${unknown.join(', ')}`;
        },
      },
    });
}

/** The list must share no item with a sibling list (a code cannot mean both solved and follow-up). */
export function IsDisjointFrom(siblingProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDisjointFrom',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [siblingProperty],
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => sharedItems(value, args).length === 0,
        defaultMessage: (args: ValidationArguments) =>
          `$property must not share items with ${siblingProperty}; both contain: ${sharedItems(args.value, args).join(', ')}`,
      },
    });
}

function sharedItems(value: unknown, args: ValidationArguments): string[] {
  const sibling = (args.object as Record<string, unknown>)[args.constraints[0] as string];
  if (!isStringArray(value) || !isStringArray(sibling)) return [];
  return value.filter((item) => sibling.includes(item));
}

interface RuleLike {
  amount: number;
  unit: DeadlineUnit;
}

const APPROXIMATE_DAYS_PER_UNIT: Record<DeadlineUnit, number> = {
  [DeadlineUnit.CALENDAR_DAYS]: 1,
  [DeadlineUnit.WORKING_DAYS]: 7 / 5,
  [DeadlineUnit.MONTHS]: 30,
};

function isRuleLike(value: unknown): value is RuleLike {
  const rule = value as Partial<RuleLike> | null;
  return (
    typeof rule === 'object' &&
    rule !== null &&
    Number.isInteger(rule.amount) &&
    (rule.amount as number) >= 1 &&
    Object.values(DeadlineUnit).includes(rule.unit as DeadlineUnit)
  );
}

/**
 * Rough length in calendar days, only for comparing two rules: the exact span depends on the start
 * date and on holidays, which a profile does not know.
 */
export function approximateDays(rule: RuleLike): number {
  return rule.amount * APPROXIMATE_DAYS_PER_UNIT[rule.unit];
}

function describeRule(rule: RuleLike): string {
  return `${rule.amount} ${rule.unit} ≈ ${Math.round(approximateDays(rule))} days`;
}

/** This deadline rule must not be (approximately) shorter than a sibling rule. */
export function IsNotShorterThan(siblingProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotShorterThan',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [siblingProperty],
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const sibling = (args.object as Record<string, unknown>)[siblingProperty];
          // Malformed rules get their own errors; comparing them would only add noise.
          if (!isRuleLike(value) || !isRuleLike(sibling)) return true;
          return approximateDays(value) >= approximateDays(sibling);
        },
        defaultMessage: (args: ValidationArguments) => {
          const sibling = (args.object as Record<string, RuleLike>)[siblingProperty];
          return `$property (${describeRule(args.value as RuleLike)}) must not be shorter than ${siblingProperty} (${describeRule(sibling)})`;
        },
      },
    });
}
