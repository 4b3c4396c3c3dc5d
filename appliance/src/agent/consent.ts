/**
 * How `rep-appliance jump-client` answers a Jump Policy's "allow this session?" prompt (`--consent`):
 * `allow` / `deny` answer at once (a kiosk or lab machine whose owner decided in advance), `ignore`
 * never answers (the Jump is refused as nobody there once the policy's timeout passes), `ask` asks
 * on the terminal the agent runs in (y/n, within the timeout). Without the flag: `ask` when the agent
 * runs in a terminal, else `ignore`.
 */
import { createInterface } from 'node:readline';
import type { ApplianceParams, ConsentAnswer } from '../protocol/index.js';

export const CONSENT_MODES = ['allow', 'deny', 'ignore', 'ask'] as const;
export type ConsentMode = (typeof CONSENT_MODES)[number];

export type ConsentQuestionParams = ApplianceParams<'consent.ask'>;

/** The default when --consent is not given. */
export const defaultConsentMode = (stdinIsTty = Boolean(process.stdin.isTTY)): ConsentMode => (stdinIsTty ? 'ask' : 'ignore');

export interface ConsentIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** The prompt's words, as the end user reads them. */
export function consentText(q: ConsentQuestionParams): string {
  return `${q.repName} wants to start a remote support session with this computer (Jump Policy "${q.policyName}"). Allow? [y/n] (${q.timeoutSeconds} s to answer)`;
}

/** The answering function for a mode; `log` records each question and its answer. */
export function consentResponder(mode: ConsentMode, log: (line: string) => void, io: ConsentIo = { input: process.stdin, output: process.stderr }): (q: ConsentQuestionParams) => Promise<ConsentAnswer> {
  return async (q) => {
    let answer: ConsentAnswer;
    if (mode === 'allow') answer = 'allow';
    else if (mode === 'deny') answer = 'deny';
    // Nobody clicks: the prompt stays up until the policy's timeout, then it counts as no answer.
    else if (mode === 'ignore') answer = await new Promise<ConsentAnswer>((res) => setTimeout(() => res('none'), q.timeoutSeconds * 1000).unref());
    else answer = await askOnTerminal(q, io);
    log(`${q.repName} asked to start a session (Jump Policy "${q.policyName}"): ${answer === 'none' ? 'no answer' : answer === 'allow' ? 'allowed' : 'denied'}`);
    return answer;
  };
}

function askOnTerminal(q: ConsentQuestionParams, io: ConsentIo): Promise<ConsentAnswer> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: io.input, output: io.output, terminal: false });
    const timer = setTimeout(() => finish('none'), q.timeoutSeconds * 1000);
    let done = false;
    function finish(a: ConsentAnswer) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(a);
      // Closing emits 'close', which must not count as "no answer".
      rl.close();
    }
    io.output.write(`${consentText(q)}\n`);
    rl.on('line', (line) => {
      const t = line.trim().toLowerCase();
      if (t === 'y' || t === 'yes') finish('allow');
      else if (t === 'n' || t === 'no') finish('deny');
      else io.output.write('Please answer y or n.\n');
    });
    rl.on('close', () => finish('none'));
  });
}
