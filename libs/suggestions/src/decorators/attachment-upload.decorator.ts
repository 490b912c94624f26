import { applyDecorators, CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, PayloadTooLargeException, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { catchError, Observable, throwError } from 'rxjs';
import { APP_CONFIG, AppConfig, invalidInput } from '@app/persistence';

/** Multer stops a file over the size limit with a 413; to the client it is bad input in field `file`, like a bad type. */
@Injectable()
export class AttachmentTooLargeInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? invalidInput([{ field: 'file', reason: `must not be larger than ${this.config.ATTACHMENT_MAX_MB} MB` }])
            : error,
        ),
      ),
    );
  }
}

/**
 * One file in multipart field `file`. The size limit and UTF-8 file names come from the module's multer options
 * (SuggestionsHttpModule), which read the validated config.
 */
export function AttachmentUpload(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(AttachmentTooLargeInterceptor, FileInterceptor('file')),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } }),
  );
}
