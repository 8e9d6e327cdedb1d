import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError, ApiErrorDetail } from '../../../../shared/src/contracts/errors.ts';
import { DomainError, type ErrorCode, errorCatalog } from './errors.ts';

const body = (code: ErrorCode, message?: string, details?: ApiErrorDetail[]): ApiError => ({
  error: { code, message: message ?? errorCatalog[code][1], ...(details && details.length ? { details } : {}) },
});

const zodIssueMessage = (code: string, message: string): string => {
  if (code === 'unrecognized_keys') return `Trường không được phép: ${message.replace(/^Unrecognized keys?: /, '')}`;
  if (code === 'invalid_type') return 'Sai kiểu dữ liệu hoặc thiếu giá trị.';
  if (code === 'too_small') return 'Giá trị quá ngắn hoặc quá nhỏ.';
  if (code === 'too_big') return 'Giá trị quá dài hoặc quá lớn.';
  if (code === 'invalid_format') return 'Sai định dạng.';
  return message;
};

/** One place maps every failure to a status and a stable code; 5xx details never leave the server. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) return reply.status(err.status).send(body(err.code, err.message, err.details));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: ApiErrorDetail[] = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        code: String(v.params?.issue && typeof v.params.issue === 'object' && 'code' in v.params.issue ? v.params.issue.code : v.keyword),
        message: zodIssueMessage(String((v.params?.issue as { code?: string } | undefined)?.code ?? v.keyword), v.message ?? ''),
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', undefined, details));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_PARTS_LIMIT':
      case 'FST_FILES_LIMIT':
        return reply.status(413).send(body('PAYLOAD_TOO_LARGE'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return reply.status(400).send(body('MALFORMED_REQUEST'));
    }
    if (err.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // JSON syntax errors and the like: say it is malformed, never echo parser internals.
      return reply.status(400).send(body('MALFORMED_REQUEST'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL'));
  });
}
