import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';

/** A required nested object: present, built as `type` by plainToInstance, and validated inside. */
export function NestedField(type: () => new () => object): PropertyDecorator {
  const decorators = [IsDefined(), ValidateNested(), Type(type)];
  return (target, propertyName) => decorators.forEach((decorate) => decorate(target, propertyName));
}
