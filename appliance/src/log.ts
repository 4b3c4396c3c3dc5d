/** Structured logs (pino). Secrets never go in: callers log ids and codes, never passwords or tokens. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.REP_LOG_LEVEL ?? 'info', destination?: string): Logger {
  return pino(
    {
      level,
      base: { app: 'rep-appliance' },
      // Belt and braces: these keys are dropped if a caller ever logs them by mistake.
      redact: { paths: ['password', '*.password', 'token', '*.token', 'secret', '*.secret', 'req.headers.cookie', 'headers.cookie'], remove: true },
    },
    destination ? pino.destination({ dest: destination, mkdir: true, sync: false }) : pino.destination(1),
  );
}
