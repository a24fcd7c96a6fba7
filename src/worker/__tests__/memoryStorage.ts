import { joinSaved } from '../scenario';
import type { Storage } from '../storage';

/**
 * Storage in memory for tests, kept in parts as IndexedDB keeps them. `text` is the saved lab as
 * the next visit reads it (or the text the test started with, until the first save).
 */
export class MemoryStorage implements Storage {
  saves = 0;
  /** How many saves carried the account. */
  accountSaves = 0;
  failSaves = false;
  failLoad = false;
  private account: string | undefined;
  private rest: string | undefined;

  constructor(
    private readonly initial?: string,
    private readonly saveDelayMs = 0,
    private readonly onSave?: () => void,
  ) {}

  get text(): string | undefined {
    if (this.rest === undefined) return this.initial;
    if (this.account === undefined) throw new Error('the lab was saved without its account');
    return joinSaved({ account: this.account, rest: this.rest });
  }

  async load(): Promise<string | undefined> {
    if (this.failLoad) throw new Error('IndexedDB is blocked');
    return this.text;
  }

  async save(rest: string, account?: string): Promise<void> {
    if (this.saveDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.saveDelayMs));
    if (this.failSaves) throw new Error('QuotaExceededError');
    this.rest = rest;
    if (account !== undefined) {
      this.account = account;
      this.accountSaves++;
    }
    this.saves++;
    this.onSave?.();
  }
}
