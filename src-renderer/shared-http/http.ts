/**
 * A small typed fetch helper for the pages that talk to the appliance over plain HTTP (/login and
 * the portal). Every answer is checked against a schema before the page sees it, and every refusal
 * becomes an `HttpError` carrying the appliance's stable code and its human message.
 */
import type { z } from 'zod';
import { refusalText, unknownFailureText } from '../lib/i18n/refusals.js';

/** A refusal from the appliance (or the network), with the message to show the person. */
export class HttpError extends Error {
  constructor(
    /** The appliance's stable code (`E_AUTH_INVALID`, ...), or `E_NETWORK` / `E_BAD_RESPONSE` from here. */
    readonly code: string,
    message: string,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The message to show for anything a request threw, in the reader's language (i18n/refusals.ts). */
export function messageOf(e: unknown): string {
  if (e instanceof HttpError) return refusalText(e.code, e.message);
  if (e instanceof Error) return e.message;
  return unknownFailureText();
}

/** The code of an `HttpError`, or null for anything else. */
export function codeOf(e: unknown): string | null {
  return e instanceof HttpError ? e.code : null;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
}

async function request<S extends z.ZodType>(method: string, url: string, schema: S | null, body?: unknown): Promise<z.output<S>> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (method !== 'GET') {
    // The appliance's CSRF guard only accepts JSON bodies on state-changing requests.
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new HttpError('E_NETWORK', 'The site could not be reached. Check your connection and try again.', 0);
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const err = (json as ErrorBody | null)?.error;
    const code = typeof err?.code === 'string' ? err.code : `E_HTTP_${res.status}`;
    const message = typeof err?.message === 'string' ? err.message : `The site answered ${res.status} ${res.statusText}.`.replace(/ \./, '.');
    throw new HttpError(code, message, res.status);
  }
  if (!schema) return undefined as z.output<S>;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError('E_BAD_RESPONSE', 'The site sent an answer this page does not understand. Reload the page.', res.status);
  return parsed.data as z.output<S>;
}

/** GET `url` and validate the JSON answer with `schema`. */
export function getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> {
  return request('GET', url, schema);
}

/** POST a JSON body (`{}` when none) and validate the answer with `schema`. */
export function postJson<S extends z.ZodType>(url: string, body: unknown, schema: S): Promise<z.output<S>> {
  return request('POST', url, schema, body);
}

/** POST a JSON body when the answer carries nothing (204). */
export async function postNoContent(url: string, body: unknown = {}): Promise<void> {
  await request('POST', url, null, body);
}
