/**
 * Malformed requests for the authorization matrix: a caller who may not use a /login route must get
 * the coded refusal (401 E_AUTH_REQUIRED / 403 E_FORBIDDEN) whatever the body looks like — broken
 * JSON, the wrong types, a body that is not JSON at all, one larger than the appliance accepts —
 * never a 400/413 whose message could describe the route's schema.
 */

export interface MalformedBody {
  name: string;
  contentType: string;
  body: string;
}

export const MALFORMED_BODIES: readonly MalformedBody[] = [
  { name: 'broken JSON', contentType: 'application/json', body: '{"username": "eve", "permissions": [' },
  { name: 'wrong types', contentType: 'application/json', body: '{"username": 5, "isAdmin": "yes", "permissions": {"x": []}, "name": null}' },
  { name: 'a JSON array', contentType: 'application/json', body: '[1, 2, 3]' },
  { name: 'not JSON', contentType: 'application/x-www-form-urlencoded', body: 'username=eve&isAdmin=1' },
];

/** A body past every JSON body limit of /login (uploads take about 1.4 MB of base64). */
export const OVERSIZED_BODY: MalformedBody = { name: 'oversized', contentType: 'application/json', body: `{"data":"${'A'.repeat(3 * 1024 * 1024)}"}` };

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** Sends one malformed request (":id" → a number that names nothing) and reads the answer. */
export async function malformedOutcome(url: string, key: string, cookie: string | null, m: MalformedBody): Promise<Refusal> {
  const [method, path] = key.split(' ') as [string, string];
  const headers: Record<string, string> = { 'content-type': m.contentType, origin: url };
  if (cookie) headers.cookie = cookie;
  const r = await fetch(url + path.replace(/:[a-z]+/gi, '999999'), { method, headers, body: m.body });
  const text = await r.text();
  try {
    const b = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return { status: r.status, code: b.error?.code ?? `HTTP ${r.status}`, message: b.error?.message ?? text };
  } catch {
    return { status: r.status, code: `HTTP ${r.status}`, message: text };
  }
}

/** The HTTP status each refusal code must come with. */
export const REFUSAL_STATUS: Record<string, number> = { E_AUTH_REQUIRED: 401, E_FORBIDDEN: 403, E_INJECT_FORBIDDEN: 403 };
