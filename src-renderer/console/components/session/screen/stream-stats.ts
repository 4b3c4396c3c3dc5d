/** Small helpers of the Screen Sharing tab: a frame-rate / bandwidth meter and base64 → Blob. */

/** Frames and bytes over the last second (a sliding window), plus the total since reset. */
export class RateMeter {
  private samples: { at: number; bytes: number }[] = [];
  private total = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  reset(): void {
    this.samples = [];
    this.total = 0;
  }

  /** Counts one frame of `bytes`; returns the current rates. */
  add(bytes: number): { fps: number; bytesPerSecond: number; total: number } {
    this.samples.push({ at: this.now(), bytes });
    this.total += bytes;
    return this.current();
  }

  current(): { fps: number; bytesPerSecond: number; total: number } {
    const cutoff = this.now() - 1000;
    while (this.samples.length && this.samples[0]!.at < cutoff) this.samples.shift();
    return { fps: this.samples.length, bytesPerSecond: this.samples.reduce((n, s) => n + s.bytes, 0), total: this.total };
  }
}

/** A Blob of base64 data (the appliance's screenshot PNG). */
export function base64ToBlob(b64: string, type: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}
