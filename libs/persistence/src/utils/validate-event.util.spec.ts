import { IsString, MaxLength } from 'class-validator';
import { DomainException } from '../exceptions/domain.exception';
import { validateEventBody } from './validate-event.util';

class ReasonDto {
  @IsString() @MaxLength(5) reason: string;
}
class EmptyDto {}

const DTOS = { CANCEL: ReasonDto, SUBMIT: EmptyDto };
const errorsOf = (body: unknown) => {
  try {
    validateEventBody(DTOS, body);
  } catch (error) {
    return { code: (error as DomainException).code, errors: (error as DomainException).details.errors };
  }
  throw new Error('expected a refusal');
};

describe(validateEventBody.name, () => {
  it('returns the type and the validated payload as plain JSON', () => {
    expect(validateEventBody(DTOS, { type: 'CANCEL', reason: 'late' })).toEqual({ type: 'CANCEL', reason: 'late' });
    expect(validateEventBody(DTOS, { type: 'SUBMIT' })).toEqual({ type: 'SUBMIT' });
  });

  it.each([
    ['an unknown type', { type: 'FLY' }, 'type', 'must be one of CANCEL, SUBMIT'],
    ['no body', null, 'type', 'must be one of CANCEL, SUBMIT'],
    ['a type from the prototype', { type: 'toString' }, 'type', 'must be one of CANCEL, SUBMIT'],
    ['an unknown field', { type: 'SUBMIT', extra: 1 }, 'extra', 'property extra should not exist'],
    ['a bad field', { type: 'CANCEL', reason: 'too long' }, 'reason', 'reason must be shorter than or equal to 5 characters'],
  ])('refuses %s with a 400 naming the field', (_name, body, field, reason) => {
    expect(errorsOf(body)).toEqual({ code: 'INVALID_INPUT', errors: [{ field, reason }] });
  });
});
