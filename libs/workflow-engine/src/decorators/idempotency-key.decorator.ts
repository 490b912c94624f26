import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { parseIdempotencyKey } from '../utils/idempotency-key.util';

/** The request's `Idempotency-Key` header, checked (a 400 when malformed), or undefined when absent. Document it with @ApiHeader. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  parseIdempotencyKey(context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['idempotency-key']),
);
