/** A message the background will not act on: unknown sender, wrong caller, bad data, foreign draft. */
export class RefusedMessage extends Error {
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super(`Vigie refused "${type}": ${reason}.`);
    this.name = 'RefusedMessage';
  }
}
