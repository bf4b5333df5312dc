/** Anything that holds resources until it is closed: a service, a server, a watcher. */
interface Closable {
  close(): unknown;
}

/** One close that failed, named for the report. */
export class CloseError extends Error {
  override name = 'CloseError';
  constructor(
    readonly resource: string,
    cause: unknown,
  ) {
    super(`Closing ${resource} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

interface DisposableStoreOptions {
  /** told about every close that failed, as it fails; the store goes on with the rest */
  onError: (error: CloseError) => void;
}

/**
 * Every resource of one owner, closed together (after VS Code's DisposableStore). Resources are added as they are
 * created and closed in reverse (LIFO), so what was made later, and may use what was made before, ends first: the
 * engines before the stores they write into. Every close is attempted even when one throws or rejects, so one
 * failing close never leaves the rest open; each failure is reported and returned.
 */
export class DisposableStore {
  private readonly entries: { name: string; close: () => unknown }[] = [];
  private closing: Promise<CloseError[]> | null = null;

  constructor(private readonly options: DisposableStoreOptions) {}

  /** Registers `resource.close()` and hands the resource back, so it is added where it is created. */
  add<T extends Closable>(name: string, resource: T): T {
    this.onClose(name, () => resource.close());
    return resource;
  }

  /**
   * Registers a closing step that is not a service's own close (draining a queue, removing a temp folder). Added after
   * the store began closing, it runs at once: something created during shutdown is not left open either.
   */
  onClose(name: string, close: () => unknown): void {
    if (this.closing) {
      void this.closing.then(() => this.run(name, close));
      return;
    }
    this.entries.push({ name, close });
  }

  get isClosed(): boolean {
    return this.closing !== null;
  }

  /** Closes everything, last added first; the same promise for every caller. Resolves with the failures. */
  close(): Promise<CloseError[]> {
    this.closing ??= (async () => {
      const failures: CloseError[] = [];
      for (const entry of this.entries.splice(0).reverse()) {
        const failure = await this.run(entry.name, entry.close);
        if (failure) failures.push(failure);
      }
      return failures;
    })();
    return this.closing;
  }

  private async run(name: string, close: () => unknown): Promise<CloseError | null> {
    try {
      await close();
      return null;
    } catch (error) {
      const failure = new CloseError(name, error);
      try {
        this.options.onError(failure);
      } catch {
        // a reporter that throws must not stop the closes after this one
      }
      return failure;
    }
  }
}
