import { IsInt, IsString, registerDecorator, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache.util';

class BaseDto {
  @IsString() name: string;
}
class ChildDto extends BaseDto {
  @IsInt() count: number;
}

const messages = (value: object) => validateSync(value).flatMap((error) => Object.keys(error.constraints ?? {}));

describe(cacheValidationMetadata.name, () => {
  beforeAll(() => cacheValidationMetadata());

  it('validates own and inherited constraints, the same on repeated calls', () => {
    const child = Object.assign(new ChildDto(), { name: 1, count: 'x' });
    expect(messages(child).sort()).toEqual(['isInt', 'isString']);
    expect(messages(child).sort()).toEqual(['isInt', 'isString']);
    expect(messages(Object.assign(new ChildDto(), { name: 'a', count: 2 }))).toEqual([]);
  });

  it('sees a constraint registered after the class was first validated', () => {
    const dto = Object.assign(new BaseDto(), { name: 'forbidden' });
    expect(messages(dto)).toEqual([]);
    registerDecorator({
      name: 'notForbidden', target: BaseDto, propertyName: 'name',
      validator: { validate: (value: unknown) => value !== 'forbidden' },
    });
    expect(messages(dto)).toEqual(['notForbidden']);
    expect(messages(Object.assign(new ChildDto(), { name: 'forbidden', count: 1 }))).toEqual(['notForbidden']);
  });
});
