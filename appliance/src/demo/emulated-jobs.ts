/**
 * Commands of the emulated shells that keep running until they finish or the rep presses Ctrl+C:
 * `ping` (Windows: four replies, or until Ctrl+C with -t), `sleep N` / `timeout /t N`, and `yes`,
 * which prints as fast as the rep's console takes it — paused and resumed by the appliance's flow
 * control like a real pty.
 */
import type { EndpointOs } from '../protocol/index.js';

export interface Job {
  /** Ctrl+C. */
  interrupt(): void;
  pause(): void;
  resume(): void;
}

export interface JobIo {
  out(data: string): void;
  /** The job is over: print the prompt again. */
  done(): void;
}

/** A repeated line in chunks below the protocol's frame cap. */
export function yesJob(text: string, io: JobIo): Job {
  const line = `${text || 'y'}\r\n`;
  const chunk = line.repeat(Math.max(1, Math.floor(16_000 / line.length)));
  let stopped = false;
  let paused = false;
  let pumping = false;
  const pump = () => {
    pumping = false;
    // A few chunks a turn, as a pty delivers a full buffer per read.
    for (let i = 0; i < 4 && !stopped && !paused; i++) io.out(chunk);
    if (stopped || paused) return;
    pumping = true;
    setImmediate(pump);
  };
  pump();
  return {
    interrupt: () => {
      stopped = true;
      io.out('^C\r\n');
      io.done();
    },
    pause: () => void (paused = true),
    resume: () => {
      paused = false;
      if (!pumping && !stopped) pump();
    },
  };
}

/** A timer that ends by itself after `seconds` (sleep, timeout /t). */
export function waitJob(seconds: number, windows: boolean, io: JobIo): Job {
  let left = Math.max(0, Math.floor(seconds));
  const tick = () => {
    if (windows) io.out(`\rWaiting for ${String(left).padStart(2)} seconds, press CTRL+C to quit ...`);
    if (left <= 0) return finish(false);
    left--;
    timer = setTimeout(tick, 1000);
  };
  const finish = (interrupted: boolean) => {
    clearTimeout(timer);
    io.out(interrupted ? '^C\r\n' : windows ? '\r\n' : '');
    io.done();
  };
  let timer: ReturnType<typeof setTimeout> = setTimeout(() => undefined, 0);
  tick();
  return { interrupt: () => finish(true), pause: () => undefined, resume: () => undefined };
}

/** A stable made-up address for a name (the demo network has no DNS). */
function addressOf(host: string): string {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  let h = 7;
  for (const c of host) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `10.${(h >> 16) & 0xff}.${(h >> 8) & 0xff}.${(h & 0xfe) + 1}`;
}

export function pingJob(args: string[], os: EndpointOs, io: JobIo): Job | string {
  const windows = os === 'windows';
  const host = args.find((a) => !a.startsWith('-') && !a.startsWith('/'));
  if (!host) return windows ? '\r\nUsage: ping [-t] [-n count] target_name' : 'ping: usage error: Destination address required';
  const forever = windows ? args.some((a) => /^[-/]t$/i.test(a)) : true;
  const countArg = args.findIndex((a) => (windows ? /^[-/]n$/i.test(a) : a === '-c'));
  const count = countArg >= 0 ? Math.max(1, Number(args[countArg + 1]) || 1) : windows && !forever ? 4 : Infinity;
  const ip = addressOf(host);
  let sent = 0;
  const times: number[] = [];
  io.out(windows ? `\r\nPinging ${host} [${ip}] with 32 bytes of data:\r\n` : `PING ${host} (${ip}) 56(84) bytes of data.\r\n`);
  const started = Date.now();
  const reply = () => {
    sent++;
    const ms = 0.3 + ((sent * 37) % 11) / 10;
    times.push(ms);
    io.out(windows ? `Reply from ${ip}: bytes=32 time<1ms TTL=128\r\n` : `64 bytes from ${ip}: icmp_seq=${sent} ttl=64 time=${ms.toFixed(2)} ms\r\n`);
    if (sent >= count) return finish(false);
    timer = setTimeout(reply, 1000);
  };
  const stats = () => {
    if (windows) return `\r\nPing statistics for ${ip}:\r\n    Packets: Sent = ${sent}, Received = ${sent}, Lost = 0 (0% loss),\r\nApproximate round trip times in milli-seconds:\r\n    Minimum = 0ms, Maximum = 0ms, Average = 0ms\r\n`;
    const min = times.length ? Math.min(...times) : 0;
    const max = times.length ? Math.max(...times) : 0;
    const avg = times.length ? times.reduce((a, b) => a + b, 0) / times.length : 0;
    return `\r\n--- ${host} ping statistics ---\r\n${sent} packets transmitted, ${sent} received, 0% packet loss, time ${Date.now() - started}ms\r\nrtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/0.100 ms\r\n`;
  };
  const finish = (interrupted: boolean) => {
    clearTimeout(timer);
    if (interrupted && !windows) io.out('^C');
    io.out(stats());
    if (interrupted && windows) io.out('Control-C\r\n^C\r\n');
    io.done();
  };
  let timer = setTimeout(reply, 300);
  return { interrupt: () => finish(true), pause: () => undefined, resume: () => undefined };
}
