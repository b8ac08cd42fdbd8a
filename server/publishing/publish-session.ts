// One worker process's publishing connection. publish_post takes its
// target's publishing lock and reads the target here, and records the post
// and releases the lock here, and the jobs running at the same time share
// these statements (combined): a lock-and-read of every target that arrived
// while the last statement ran, a record of every post. With 32 jobs at once
// that is a few statements for many posts instead of two per post. The locks
// die with this connection, as a dead worker's should; a lost connection
// fails what was running on it (its jobs are retried, and ask the platform
// before posting again) and the next statement opens a new one. The session
// holds a lock once per target (Postgres counts a session's takes), so it
// keeps the targets its jobs hold and refuses a second job the same target.
import type { Kysely } from 'kysely';
import { combined, poolDatabase, type Database } from '../db';
import { releaseLocks, rowOf, type LockedRow, type PublishLockRead } from './publish-lock';
import { PUBLISHABLE_STATUSES, recordPublishedAll, type PublishedRecord } from './targets';

/** A target this session holds: its read row (undefined when there is no such target). */
export interface Held<R> {
  row: R | undefined;
}

export class PublishSession {
  readonly #db: Kysely<Database>;
  /** The targets this session's jobs hold. */
  readonly #held = new Set<string>();
  readonly #reads = new Map<PublishLockRead<never>, (targetId: string) => Promise<LockedRow<unknown>>>();
  readonly #record: (record: PublishedRecord) => Promise<boolean>;
  readonly #release: (targetId: string) => Promise<void>;

  constructor(url: string) {
    this.#db = poolDatabase(url, { max: 1, keepIdle: true });
    // a publish records its post from the statuses publishing starts from
    this.#record = combined(async (records: PublishedRecord[]) => {
      const rows = await recordPublishedAll(this.#db, records, PUBLISHABLE_STATUSES, { release: true });
      return rows.map((row) => row.moved);
    });
    this.#release = combined(async (targetIds: string[]) => {
      await releaseLocks(this.#db, targetIds);
      return targetIds.map(() => undefined);
    });
  }

  /** Takes the target's lock and reads it with `statement`; undefined when another live worker (or another job here) holds it. */
  async take<R>(statement: PublishLockRead<R>, targetId: string): Promise<Held<R> | undefined> {
    if (this.#held.has(targetId)) return undefined;
    this.#held.add(targetId);
    try {
      const taken = (await this.#reader(statement)(targetId)) as LockedRow<R>;
      if (!taken.locked) {
        this.#held.delete(targetId);
        return undefined;
      }
      return { row: rowOf(taken) };
    } catch (error) {
      this.#held.delete(targetId);
      throw error;
    }
  }

  /** Records the held target's post and releases its lock in one statement; false when the target had moved on. When it fails, the target is still held. */
  async record(record: PublishedRecord): Promise<boolean> {
    const moved = await this.#record(record);
    this.#held.delete(record.targetId);
    return moved;
  }

  /** Releases a held target's lock (after anything but a record). */
  async release(targetId: string): Promise<void> {
    try {
      await this.#release(targetId);
    } finally {
      this.#held.delete(targetId);
    }
  }

  close(): Promise<void> {
    return this.#db.destroy();
  }

  #reader<R>(statement: PublishLockRead<R>): (targetId: string) => Promise<LockedRow<unknown>> {
    const key = statement as PublishLockRead<never>;
    let read = this.#reads.get(key);
    if (!read) {
      read = combined(async (targetIds: string[]) => {
        try {
          return await statement(this.#db, targetIds);
        } catch (error) {
          // a statement that failed after taking locks keeps them (session locks outlive the transaction)
          await releaseLocks(this.#db, targetIds).catch(() => undefined);
          throw error;
        }
      });
      this.#reads.set(key, read);
    }
    return read;
  }
}
