/** RFC 9457 problem details, the only error format the endpoint speaks. */
export const PROBLEM_BASE = 'https://involve.example.nhs.uk/problems/';

export interface ProblemError {
  /** RFC 6901 pointer into the submitted JSON body. */
  pointer?: string;
  /** Query parameter name, for errors in the URL rather than the body. */
  parameter?: string;
  detail: string;
}

export interface ProblemInit {
  detail?: string;
  errors?: ProblemError[];
  headers?: Record<string, string>;
}

export function problem(status: number, slug: string, title: string, init: ProblemInit = {}): Response {
  const body: Record<string, unknown> = { type: PROBLEM_BASE + slug, title, status };
  if (init.detail) body.detail = init.detail;
  if (init.errors) body.errors = init.errors;
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...init.headers },
  });
}

export const problems = {
  notFound: () => problem(404, 'not-found', 'Not found'),
  methodNotAllowed: (allow: string) => problem(405, 'method-not-allowed', 'Method not allowed', { headers: { allow } }),
  keyMissing: () => problem(400, 'idempotency-key-missing', 'Idempotency-Key header is required', {
    detail: 'Send an Idempotency-Key header with a new UUID for each submission, and the same one on every retry of it.',
  }),
  keyInvalid: () => problem(400, 'idempotency-key-invalid', 'Idempotency-Key header is not valid', {
    detail: 'Use a UUID, sent as a Structured Field string ("…") or bare.',
  }),
  keyReused: () => problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used with a different request body', {
    detail: 'Send the changed answers with a new Idempotency-Key.',
  }),
  inFlight: () => problem(409, 'request-in-progress', 'The first request with this key is still being processed', {
    detail: 'Wait a moment and retry with the same Idempotency-Key.',
    headers: { 'retry-after': '1' },
  }),
  invalidJson: () => problem(400, 'invalid-json', 'The request body is not valid JSON'),
  unsupportedType: () => problem(415, 'unsupported-media-type', 'Send the body as application/json'),
  tooLarge: (limit: number) => problem(413, 'payload-too-large', 'The request body is too large', {
    detail: `The limit is ${Math.round(limit / 1024)} kB.`,
  }),
  validation: (errors: ProblemError[]) => problem(422, 'validation', 'Your answers need checking', { detail: 'Some answers need checking', errors }),
  badQuery: (errors: ProblemError[]) => problem(400, 'invalid-query', 'The query parameters are not valid', { errors }),
  rateLimited: (retryAfter: number) => problem(429, 'rate-limited', 'Too many requests', {
    detail: `Wait ${retryAfter} seconds and try again.`,
    headers: { 'retry-after': String(retryAfter) },
  }),
  originNotAllowed: () => problem(403, 'origin-not-allowed', 'This site is not allowed to send to this endpoint'),
  unauthorized: () => problem(401, 'unauthorized', 'A valid bearer token is required', { headers: { 'www-authenticate': 'Bearer realm="involve-admin"' } }),
  unavailable: () => problem(503, 'unavailable', 'The service is starting or shutting down', { headers: { 'retry-after': '5' } }),
  internal: () => problem(500, 'internal', 'Something went wrong on our side', { detail: 'Nothing was stored. Try again.' }),
};
