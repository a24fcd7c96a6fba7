import { ACCOUNT_PARTS, joinSaved } from '../scenario';
import type { Storage } from '../storage';

/**
 * Storage in memory for tests, kept in parts as IndexedDB keeps them. `text` is the saved lab as
 * the next visit reads it (or the text the test started with, until the first save).
 */
export class MemoryStorage implements Storage {
  saves = 0;
  /** How many saves carried the account's settings (a whole account), and the parts each save wrote. */
  accountSaves = 0;
  readonly written: string[][] = [];
  failSaves = false;
  failLoad = false;
  private readonly account: Record<string, string> = {};
  private rest: string | undefined;

  constructor(
    private readonly initial?: string,
    private readonly saveDelayMs = 0,
    private readonly onSave?: () => void,
  ) {}

  get text(): string | undefined {
    if (this.rest === undefined) return this.initial;
    const missing = ACCOUNT_PARTS.filter((part) => !Object.hasOwn(this.account, part));
    if (missing.length > 0) throw new Error(`the lab was saved without ${missing.join(', ')}`);
    return joinSaved(this.account, this.rest);
  }

  async load(): Promise<string | undefined> {
    if (this.failLoad) throw new Error('IndexedDB is blocked');
    return this.text;
  }

  async save(rest: string, account: Readonly<Record<string, string>>): Promise<void> {
    if (this.saveDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.saveDelayMs));
    if (this.failSaves) throw new Error('QuotaExceededError');
    this.rest = rest;
    Object.assign(this.account, account);
    if (Object.hasOwn(account, 'settings')) this.accountSaves++;
    this.written.push(Object.keys(account));
    this.saves++;
    this.onSave?.();
  }
}
