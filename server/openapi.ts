/**
 * The OpenAPI 3.1 description of the endpoint, with the payload schemas generated from the same zod
 * schemas the widgets and the server validate with (zod 4's JSON Schema output, input side).
 */
import * as z from 'zod/mini';
import { Feedback } from '../src/schema/zod.js';
import { Meeting } from '../src/schema/zod.js';
import { Signup } from '../src/schema/zod.js';
import { MAX_LIMIT } from './routes/meetings.js';

function schemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };

function submission(schemaName: string, summary: string) {
  return {
    post: {
      summary,
      parameters: [{
        name: 'Idempotency-Key', in: 'header', required: true,
        description: 'A new UUID per submission, reused on every retry of it (Structured Field string; bare accepted).',
        schema: { type: 'string', maxLength: 257 },
      }],
      requestBody: { required: true, content: { 'application/json': { schema: ref(schemaName) } } },
      responses: {
        201: { description: 'Stored (a replay with the same key and body gets the same answer)', content: { 'application/json': { schema: ref('Created') } } },
        202: { description: 'Accepted without storing (spam checks)', content: { 'application/json': { schema: ref('Created') } } },
        400: problem('No or invalid Idempotency-Key, or invalid JSON'),
        403: problem('Origin not on the allow-list'),
        409: { ...problem('The first request with this key is still being processed; retry with the same key'), headers: retryAfter },
        413: problem('Body larger than 64 kB'),
        415: problem('Body is not application/json'),
        422: problem('Validation errors (errors[].pointer), or idempotency-key-reused'),
        429: { ...problem('Rate limited'), headers: retryAfter },
        500: problem('Nothing was stored; retry with the same key'),
      },
    },
  };
}

export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'involve-widgets reference endpoint',
      version: '1.0.0',
      description: 'Sign-ups to the involvement register, service feedback and Collaborative meetings (CONTRACT.md §5-7).',
    },
    paths: {
      '/signups': submission('Signup', 'Sign up to the involvement register'),
      '/feedback': submission('Feedback', 'Give feedback about a service'),
      '/meetings': {
        get: {
          summary: 'Upcoming Collaborative meetings',
          parameters: [
            { name: 'from', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'Meetings not ended by then (default now)' },
            { name: 'collaborative', in: 'query', schema: { type: 'string' } },
            { name: 'workstream', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 50 } },
            { name: 'If-None-Match', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'Meetings in start order',
              headers: { ETag: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { type: 'object', required: ['meetings'], properties: { meetings: { type: 'array', items: ref('Meeting') } } } } },
            },
            304: { description: 'Not modified (If-None-Match matched the ETag)' },
            400: problem('Invalid query parameter (errors[].parameter)'),
          },
        },
      },
      '/probe': {
        get: {
          summary: 'CORS-open check for widgets and the embed builder: is this the Involve API, and is the calling origin (or ?origin=) on the allow-list?',
          parameters: [{ name: 'origin', in: 'query', schema: { type: 'string' }, description: 'An origin to ask about instead of the Origin header' }],
          responses: { 200: { description: '{"api":"involve","origin":"https://partner.example","originAllowed":true}' } },
        },
      },
      '/allow-list/check': {
        get: {
          summary: 'Whether a site address may post, and as which partner (read-only; for the embed builder)',
          parameters: [
            { name: 'site', in: 'query', required: true, schema: { type: 'string' }, description: 'An address on the site, like https://www.example.org/get-involved' },
            { name: 'partner', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'The answer for that site',
              content: { 'application/json': { schema: { type: 'object', required: ['site', 'allowed', 'postsAs', 'ok'], properties: {
                site: { type: 'string' }, partner: { type: ['string', 'null'] }, partnerName: { type: ['string', 'null'] },
                allowed: { type: 'boolean' }, postsAs: { type: ['string', 'null'] }, ok: { type: 'boolean' },
              } } } },
            },
            422: problem('Not an http(s) address'),
          },
        },
      },
      '/widgets/{version}/{file}': {
        get: {
          summary: 'The widget bundles and sizes.json (SRI); `latest` as version for the moving copy',
          parameters: [
            { name: 'version', in: 'path', required: true, schema: { type: 'string' }, description: 'package version, or latest' },
            { name: 'file', in: 'path', required: true, schema: { type: 'string' }, description: 'involve-widgets.js, involve-signup.js, involve-meetings.js, involve-feedback.js, sizes.json, …' },
          ],
          responses: { 200: { description: 'The file (br/gzip by Accept-Encoding), Access-Control-Allow-Origin: *' }, 304: { description: 'Not modified' }, 404: problem('No such version or file') },
        },
      },
      '/meetings.ics': {
        get: {
          summary: 'The same upcoming meetings as an iCalendar (RFC 5545) file to subscribe to; joining details left out',
          parameters: [
            { name: 'from', in: 'query', schema: { type: 'string', format: 'date-time' } },
            { name: 'collaborative', in: 'query', schema: { type: 'string' } },
            { name: 'workstream', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: MAX_LIMIT } },
            { name: 'If-None-Match', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            200: { description: 'VCALENDAR, one VEVENT per meeting', headers: { ETag: { schema: { type: 'string' } } }, content: { 'text/calendar': { schema: { type: 'string' } } } },
            304: { description: 'Not modified (If-None-Match matched the ETag)' },
            400: problem('Invalid query parameter (errors[].parameter)'),
          },
        },
      },
      '/healthz': { get: { summary: 'Ready once migrations have run', responses: { 200: { description: '{"ok":true}' }, 503: problem('Starting or draining') } } },
      '/admin/export/{file}': {
        get: {
          summary: 'CSV export for the involvement team',
          security: [{ bearer: [] }],
          parameters: [
            { name: 'file', in: 'path', required: true, schema: { type: 'string', enum: ['signups.csv', 'feedback.csv'] } },
            { name: 'since', in: 'query', schema: { type: 'string', format: 'date' } },
          ],
          responses: {
            200: { description: 'RFC 4180 CSV', content: { 'text/csv': {} } }, 401: problem('Missing or wrong token'), 404: problem('Admin routes are off (no ADMIN_TOKEN)'),
            429: problem('Over 20 admin requests a minute from this address (Retry-After)'),
          },
        },
      },
      '/options': {
        get: {
          summary: 'Lists that replace the widgets\' built-in ones, and the retention sentences to show beside consent',
          responses: {
            200: {
              description: 'Option lists (each optional) and retentionNotice',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      workstreams: { type: 'array', items: { type: 'object', required: ['id', 'label'], properties: { id: { type: 'string' }, label: { type: 'string' } } } },
                      services: { type: 'array', items: { type: 'object', required: ['id', 'label'], properties: { id: { type: 'string' }, label: { type: 'string' } } } },
                      retentionNotice: { type: 'object', required: ['signups', 'feedback'], properties: { signups: { type: 'string' }, feedback: { type: 'string' } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Signup: schemaOf(Signup),
        Feedback: schemaOf(Feedback),
        Meeting: schemaOf(Meeting),
        Created: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string', format: 'uri' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['detail'],
                properties: { pointer: { type: 'string', description: 'RFC 6901 pointer into the body' }, parameter: { type: 'string' }, detail: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
