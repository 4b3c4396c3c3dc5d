/**
 * The endpoint's end of a File Transfer data link. Control travels over the agent socket; the bytes
 * take their own connection, opened by the endpoint (so it works wherever the agent socket does):
 * an upload's bytes are pulled with GET /agent/files/<link>, a download's are pushed with PUT. TCP
 * flow control runs end to end through the appliance's pipes. The demo fleet's emulated endpoints
 * use an in-process dialer with the same contract (ws/file-links.ts).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CodedError, type DataLink } from '../protocol/index.js';

export interface DataDialer {
  /** The bytes the appliance sends over this link (an upload to this endpoint). */
  pull(link: DataLink): Promise<Readable>;
  /** Sends `body` over this link (a download from this endpoint); resolves once the appliance took all of it. */
  push(link: DataLink, body: Readable): Promise<void>;
}

export const LINK_TOKEN_HEADER = 'x-link-token';

/** Where a link's bytes go on the appliance. */
export function linkUrl(site: string, id: string): URL {
  return new URL(`/agent/files/${id}`, site);
}

/** The real agent's dialer: plain HTTP(S) to the site it is connected to. */
export function httpDialer(site: string): DataDialer {
  const open = (link: DataLink, method: 'GET' | 'PUT') => {
    const url = linkUrl(site, link.id);
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method,
      // Each link its own connection: a link cut halfway leaves its connection unusable, and a
      // pooled keep-alive socket in that state would swallow the next link's request.
      agent: false,
      headers: { [LINK_TOKEN_HEADER]: link.token, ...(method === 'PUT' ? { 'content-type': 'application/octet-stream' } : {}) },
    });
    const response = new Promise<IncomingMessage>((res, rej) => {
      req.once('response', res);
      req.once('error', (e) => rej(new CodedError('E_ENDPOINT_OFFLINE', `The data link failed: ${e.message}`)));
    });
    return { req, response };
  };
  const refused = (res: IncomingMessage) => {
    res.resume();
    return new CodedError('E_FILE_TRANSFER_NOT_FOUND', `The site refused the data link (HTTP ${res.statusCode}).`);
  };
  return {
    async pull(link) {
      const { req, response } = open(link, 'GET');
      req.end();
      const res = await response;
      if (res.statusCode !== 200) throw refused(res);
      return res;
    },
    async push(link, body) {
      const { req, response } = open(link, 'PUT');
      // A refusal can arrive before the body is sent: stop sending then.
      const sent = pipeline(body, req).catch(() => undefined);
      const res = await response;
      if (res.statusCode !== 200 && res.statusCode !== 204) {
        body.destroy();
        throw refused(res);
      }
      res.resume();
      await sent;
      await new Promise<void>((r) => (res.complete ? r() : res.once('end', r).once('close', r)));
    },
  };
}
