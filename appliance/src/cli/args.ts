/** `rep-appliance serve` arguments: parsed strictly, so a typo is an error rather than a surprise. */
import { CodedError } from '../protocol/index.js';

export interface ServeArgs {
  port: number;
  dataDir: string;
  host: string;
  demo: boolean;
  cert?: string;
  key?: string;
}

export const SERVE_USAGE = 'usage: rep-appliance serve --port N --data DIR [--host H] [--demo] [--tls-cert FILE --tls-key FILE]';

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const out: Partial<ServeArgs> = { host: '127.0.0.1', demo: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new CodedError('E_BAD_PARAMS', `${a} needs a value. ${SERVE_USAGE}`);
      return v;
    };
    switch (a) {
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CodedError('E_BAD_PARAMS', `--port must be 0–65535. ${SERVE_USAGE}`);
        out.port = n;
        break;
      }
      case '--data': out.dataDir = value(); break;
      case '--host': out.host = value(); break;
      case '--demo': out.demo = true; break;
      // --cert / --key: the first names of the TLS options, still accepted.
      case '--tls-cert': case '--cert': out.cert = value(); break;
      case '--tls-key': case '--key': out.key = value(); break;
      default: throw new CodedError('E_BAD_PARAMS', `Unknown option ${a}. ${SERVE_USAGE}`);
    }
  }
  if (out.port === undefined || !out.dataDir) throw new CodedError('E_BAD_PARAMS', SERVE_USAGE);
  if (!!out.cert !== !!out.key) throw new CodedError('E_BAD_PARAMS', '--tls-cert and --tls-key go together.');
  return out as ServeArgs;
}
