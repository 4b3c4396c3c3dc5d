/**
 * The System Info tool's further categories on a real machine, through `systeminformation`: system
 * (manufacturer, model, serial, BIOS), CPU speed and load, swap, time zone, file systems, network
 * links, the busiest processes, services and logged-in users. Each part that fails or takes too long
 * is left out rather than holding up the rest.
 */
import type { EndpointSystemInfo } from '../protocol/index.js';

type Si = typeof import('systeminformation');
type Details = Partial<Pick<EndpointSystemInfo, 'system' | 'cpuDetails' | 'swap' | 'timezone' | 'diskDetails' | 'networkDetails' | 'processes' | 'services' | 'users'>>;

/** At most this many processes (the busiest first) and services. */
const MAX_PROCESSES = 200;
const MAX_SERVICES = 300;
const PART_TIMEOUT_MS = 4000;

function within<T>(p: Promise<T>, ms = PART_TIMEOUT_MS): Promise<T | null> {
  return Promise.race([p.catch(() => null), new Promise<null>((res) => setTimeout(() => res(null), ms).unref())]);
}

/** Services: systemd units on Linux, Windows services, launchd jobs on macOS (by name, all states). */
async function services(si: Si): Promise<EndpointSystemInfo['services'] | null> {
  const list = await within(si.services('*'));
  if (!list?.length) return null;
  return list.slice(0, MAX_SERVICES).map((s) => ({ name: s.name, running: s.running, startup: s.startmode || '' }));
}

export async function systemInfoDetails(si: Si): Promise<Details> {
  const [system, bios, cpu, load, mem, time, fs, nets, procs, svcs, users] = await Promise.all([
    within(si.system()), within(si.bios()), within(si.cpu()), within(si.currentLoad()), within(si.mem()), Promise.resolve(si.time()),
    within(si.fsSize()), within(si.networkInterfaces()), within(si.processes()), services(si), within(si.users()),
  ]);
  const d: Details = {};
  if (system) d.system = { manufacturer: system.manufacturer, model: system.model, serial: system.serial, ...(bios ? { bios: [bios.vendor, bios.version].filter(Boolean).join(' ') } : {}) };
  if (cpu) d.cpuDetails = { speedGHz: cpu.speed, threads: cpu.cores, ...(load ? { loadPercent: Math.round(load.currentLoad * 10) / 10 } : {}) };
  if (mem) d.swap = { totalBytes: mem.swaptotal, freeBytes: mem.swapfree };
  if (time?.timezone) d.timezone = time.timezone;
  if (fs) d.diskDetails = fs.slice(0, 64).map((f) => ({ mount: f.mount, fsType: f.type, device: f.fs }));
  if (nets) {
    const list = Array.isArray(nets) ? nets : [nets];
    d.networkDetails = list.slice(0, 64).map((n) => ({ iface: n.iface, ip6: n.ip6, speedMbps: n.speed ?? null, up: n.operstate === 'up' }));
  }
  if (procs) {
    d.processes = [...procs.list]
      .sort((a, b) => b.cpu - a.cpu || b.memRss - a.memRss)
      .slice(0, MAX_PROCESSES)
      .map((p) => ({ pid: p.pid, name: p.name, user: p.user, cpuPercent: Math.round(p.cpu * 10) / 10, memBytes: p.memRss * 1024 }));
  }
  if (svcs) d.services = svcs;
  if (users) d.users = users.slice(0, 100).map((u) => ({ name: u.user, terminal: u.tty, loggedInAt: [u.date, u.time].filter(Boolean).join(' ') }));
  return d;
}
