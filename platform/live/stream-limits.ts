/** Why a stream was not opened. */
export type StreamRefusal = 'network' | 'total';

/**
 * How many live streams this process holds open, in all and per network (IPv4 /24,
 * IPv6 /48). What they protect, sockets and memory, is the process's own, so the count
 * is too: several processes behind a load balancer each hold up to these bounds.
 */
export class StreamLimits {
  readonly #byNetwork = new Map<string, number>();
  #open = 0;

  constructor(
    readonly total: number,
    readonly perNetwork: number,
  ) {}

  get open(): number {
    return this.#open;
  }

  /** Counts one more stream from this network, or says why not. */
  admit(network: string): StreamRefusal | null {
    const fromNetwork = this.#byNetwork.get(network) ?? 0;
    if (fromNetwork >= this.perNetwork) return 'network';
    if (this.#open >= this.total) return 'total';
    this.#byNetwork.set(network, fromNetwork + 1);
    this.#open++;
    return null;
  }

  release(network: string): void {
    const fromNetwork = this.#byNetwork.get(network) ?? 0;
    if (fromNetwork <= 1) this.#byNetwork.delete(network);
    else this.#byNetwork.set(network, fromNetwork - 1);
    this.#open = Math.max(0, this.#open - 1);
  }
}
