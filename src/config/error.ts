/** A config problem: the run stops with exit code 2 and a message naming the file and key path. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly keyPath: string,
    readonly detail: string,
  ) {
    super(`Invalid configuration in ${file}${keyPath ? ` at ${keyPath}` : ''}: ${detail}`);
    this.name = 'ConfigError';
  }
}
