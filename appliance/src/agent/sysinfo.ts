/**
 * The endpoint's real system information: hostname, OS, CPU, memory, logged-in user, network and
 * disks, through `systeminformation` (loaded on first use), falling back to Node's `os` for anything
 * it cannot read.
 */
import * as os from 'node:os';
import type { EndpointOs, EndpointSystemInfo } from '../protocol/index.js';
import { systemInfoDetails } from './sysinfo-details.js';

export function endpointOs(platform: NodeJS.Platform = process.platform): EndpointOs {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  if (platform === 'android') return 'android';
  return 'linux';
}

/** The first non-internal IPv4 address, or ''. */
export function privateIp(): string {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '';
}

function basics(): EndpointSystemInfo {
  const cpus = os.cpus();
  let user: string | null = null;
  try {
    user = os.userInfo().username;
  } catch {
    /* no user database entry */
  }
  return {
    hostname: os.hostname(),
    os: { platform: endpointOs(), distro: os.type(), release: os.release(), arch: os.arch() },
    cpu: { model: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length },
    memory: { totalBytes: os.totalmem(), freeBytes: os.freemem() },
    user,
    uptimeSeconds: Math.round(os.uptime()),
    network: Object.entries(os.networkInterfaces()).flatMap(([iface, list]) =>
      (list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => ({ iface, ip4: a.address, mac: a.mac })),
    ),
    disks: [],
  };
}

export async function systemInfo(): Promise<EndpointSystemInfo> {
  const info = basics();
  try {
    const si = (await import('systeminformation')).default;
    const [osInfo, cpu, mem, disks] = await Promise.all([si.osInfo(), si.cpu(), si.mem(), si.fsSize().catch(() => [])]);
    info.os.distro = [osInfo.distro, osInfo.release].filter(Boolean).join(' ') || info.os.distro;
    info.os.release = osInfo.kernel || info.os.release;
    info.cpu = { model: [cpu.manufacturer, cpu.brand].filter(Boolean).join(' ') || info.cpu.model, cores: cpu.cores || info.cpu.cores };
    info.memory = { totalBytes: mem.total, freeBytes: mem.available };
    info.disks = disks.slice(0, 32).map((d) => ({ mount: d.mount, sizeBytes: d.size, usedBytes: d.used }));
    Object.assign(info, await systemInfoDetails(si));
  } catch {
    /* systeminformation missing or failing: Node's view is still true */
  }
  return info;
}
