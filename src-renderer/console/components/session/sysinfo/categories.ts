/**
 * System Info as the tool shows it: the endpoint's report split into categories appropriate to its OS
 * (Drives on Windows, Disks elsewhere; Launch Daemons on macOS), each a table, plus plain-text and
 * CSV renderings for Copy and Save. Categories without data (an older agent, a phone) are left out.
 */
import type { EndpointSystemInfo } from '../../../../../appliance/src/protocol/index.js';
import { formatNumber, t } from '../../../../lib/i18n/index.svelte.js';

export interface Category {
  id: string;
  label: string;
  columns: string[];
  rows: string[][];
  /** Two columns of property / value rather than a list of items. */
  properties: boolean;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  const units = ['console.session.sysinfo.bytes', 'console.session.sysinfo.kb', 'console.session.sysinfo.mb', 'console.session.sysinfo.gb', 'console.session.sysinfo.tb'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  return t(units[i]!, { n: formatNumber(v, { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
}

export function formatUptime(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [d ? t('console.session.sysinfo.days', { count: d }) : '', h ? t('console.session.sysinfo.hours', { count: h }) : '', t('console.session.sysinfo.minutes', { count: m })].filter(Boolean).join(' ');
}

const OS_NAMES = { windows: 'Windows', macos: 'macOS', linux: 'Linux', ios: 'iOS', android: 'Android' } as const;

const props = (id: string, label: string, pairs: [string, string | number | undefined | null][]): Category => ({
  id,
  label,
  columns: [t('console.session.sysinfo.colProperty'), t('console.session.sysinfo.colValue')],
  rows: pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)]),
  properties: true,
});

const list = (id: string, label: string, columns: string[], rows: string[][]): Category => ({ id, label, columns, rows, properties: false });

export function categories(info: EndpointSystemInfo): Category[] {
  const win = info.os.platform === 'windows';
  const mac = info.os.platform === 'macos';
  const out: Category[] = [
    props('system', t('console.session.sysinfo.colSystem'), [
      [t('console.session.sysinfo.colComputerName'), info.hostname],
      [t('console.session.sysinfo.colManufacturer'), info.system?.manufacturer],
      [t('console.session.sysinfo.colModel'), info.system?.model],
      [t('console.session.sysinfo.colSerialNumber'), info.system?.serial],
      ['BIOS', info.system?.bios],
      [t('console.session.sysinfo.colLoggedInUser'), info.user ?? t('console.session.sysinfo.colAtTheLoginScreen')],
      [t('console.session.sysinfo.colTimeZone'), info.timezone],
      [t('console.session.sysinfo.colUpTime'), formatUptime(info.uptimeSeconds)],
    ]),
    props('os', t('console.session.sysinfo.colOperatingSystem'), [
      [t('console.session.sysinfo.colName'), info.os.distro],
      [t('console.session.sysinfo.colPlatform'), OS_NAMES[info.os.platform]],
      [win ? t('console.session.sysinfo.colVersion') : t('console.session.sysinfo.colKernel'), info.os.release],
      [t('console.session.sysinfo.colArchitecture'), info.os.arch],
    ]),
    props('cpu', t('console.session.sysinfo.colProcessors'), [
      [t('console.session.sysinfo.colProcessor'), info.cpu.model],
      [t('console.session.sysinfo.colCores'), info.cpu.cores],
      [t('console.session.sysinfo.colLogicalProcessors'), info.cpuDetails?.threads],
      [t('console.session.sysinfo.colSpeed'), info.cpuDetails?.speedGHz ? `${info.cpuDetails.speedGHz} GHz` : undefined],
      [t('console.session.sysinfo.colLoad'), info.cpuDetails?.loadPercent !== undefined ? `${info.cpuDetails.loadPercent} %` : undefined],
    ]),
    props('memory', t('console.session.sysinfo.colMemory'), [
      [t('console.session.sysinfo.colTotal'), formatBytes(info.memory.totalBytes)],
      [t('console.session.sysinfo.colAvailable'), formatBytes(info.memory.freeBytes)],
      [t('console.session.sysinfo.colInUse'), formatBytes(info.memory.totalBytes - info.memory.freeBytes)],
      [win ? t('console.session.sysinfo.colPageFile') : t('console.session.sysinfo.colSwap'), info.swap ? formatBytes(info.swap.totalBytes) : undefined],
      [win ? t('console.session.sysinfo.colPageFileFree') : t('console.session.sysinfo.colSwapFree'), info.swap ? formatBytes(info.swap.freeBytes) : undefined],
    ]),
  ];
  if (info.disks.length) {
    const detail = new Map((info.diskDetails ?? []).map((d) => [d.mount, d]));
    out.push(
      list('disks', win ? t('console.session.sysinfo.colDrives') : t('console.session.sysinfo.colDisks'), [win ? t('console.session.sysinfo.colDrive') : t('console.session.sysinfo.colMountPoint'), t('console.session.sysinfo.colFileSystem'), t('console.session.sysinfo.colDevice'), t('console.session.sysinfo.colSize'), t('console.session.sysinfo.colUsed'), t('console.session.sysinfo.colFree'), t('console.session.sysinfo.colUsedPct')], info.disks.map((d) => [
        d.mount,
        detail.get(d.mount)?.fsType ?? '',
        detail.get(d.mount)?.device ?? '',
        formatBytes(d.sizeBytes),
        formatBytes(d.usedBytes),
        formatBytes(d.sizeBytes - d.usedBytes),
        d.sizeBytes ? `${Math.round((d.usedBytes / d.sizeBytes) * 100)} %` : '',
      ])),
    );
  }
  if (info.network.length || info.networkDetails?.length) {
    const detail = new Map((info.networkDetails ?? []).map((n) => [n.iface, n]));
    const names = [...new Set([...info.network.map((n) => n.iface), ...detail.keys()])];
    out.push(
      list('network', t('console.session.sysinfo.colNetwork'), [t('console.session.sysinfo.colInterface'), t('console.session.sysinfo.colIpv4Address'), t('console.session.sysinfo.colIpv6Address'), t('console.session.sysinfo.colMacAddress'), t('console.session.sysinfo.colSpeed'), t('console.session.sysinfo.colStatus')], names.map((iface) => {
        const n = info.network.find((x) => x.iface === iface);
        const d = detail.get(iface);
        return [iface, n?.ip4 ?? '', d?.ip6 ?? '', n?.mac ?? '', d?.speedMbps ? `${d.speedMbps} Mbps` : '', d ? (d.up ? t('console.session.sysinfo.colUp') : t('console.session.sysinfo.colDown')) : ''];
      })),
    );
  }
  if (info.processes?.length) {
    out.push(list('processes', t('console.session.sysinfo.colProcesses'), [t('console.session.sysinfo.colPid'), t('console.session.sysinfo.colName'), t('console.session.sysinfo.colUser'), t('console.session.sysinfo.colCpuPct'), t('console.session.sysinfo.colMemory')], info.processes.map((p) => [String(p.pid), p.name, p.user, p.cpuPercent.toFixed(1), formatBytes(p.memBytes)])));
  }
  if (info.services?.length) {
    out.push(list('services', mac ? t('console.session.sysinfo.colLaunchDaemons') : t('console.session.sysinfo.colServices'), [t('console.session.sysinfo.colName'), t('console.session.sysinfo.colStatus'), t('console.session.sysinfo.colStartup')], info.services.map((s) => [s.name, s.running ? t('console.session.sysinfo.colRunning') : t('console.session.sysinfo.colStopped'), s.startup])));
  }
  if (info.users?.length) {
    out.push(list('users', t('console.session.sysinfo.colUsers'), [t('console.session.sysinfo.colUser'), win ? t('console.session.sysinfo.colSession') : t('console.session.sysinfo.colTerminal'), t('console.session.sysinfo.colLoggedIn')], info.users.map((u) => [u.name, u.terminal, u.loggedInAt])));
  }
  return out;
}

/** One category as aligned plain text (what Copy puts on the clipboard). */
export function categoryText(c: Category): string {
  const widths = c.columns.map((h, i) => Math.max(h.length, ...c.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((v, i) => (i === cells.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const body = c.properties ? c.rows.map(line) : [line(c.columns), line(widths.map((w) => '-'.repeat(w))), ...c.rows.map(line)];
  return [c.label, '='.repeat(c.label.length), ...body].join('\n');
}

/** The whole report as text (Save as text). */
export function reportText(info: EndpointSystemInfo, at: Date): string {
  return [t('console.session.sysinfo.reportTitle', { host: info.hostname, at: at.toISOString() }), '', ...categories(info).map((c) => categoryText(c) + '\n')].join('\n');
}

/** One category as CSV (RFC 4180 quoting). */
export function categoryCsv(c: Category): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [c.columns, ...c.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
