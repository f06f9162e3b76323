import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { directQuery } from '../database/direct-query';
import { NotifiedCache } from './notified-cache';
import { Role } from './role';

/** What authentication needs of a user, read for every authenticated request. */
export interface AuthUser {
  id: string;
  role: Role;
  employerId: string | null;
  active: boolean;
}

/** The channel a trigger on `users` notifies (migration 1795456000000): a user id, or '' for all. */
export const USER_CHANGES_CHANNEL = 'user_changes';
/** The listener's connection, by name in pg_stat_activity. */
export const USER_CHANGES_APPLICATION = 'werkspoor45-user-changes';
const MAX_ENTRIES = 10_000;
const TTL_MS = 60_000;
const RECONNECT_MS = { first: 500, max: 30_000 };
/** Payloads of the listener's own test notice (user ids are UUIDs, never this). */
const PROBE_PREFIX = 'probe:';
const PROBE_WARNING_MS = 5_000;

/**
 * The user behind a token. Kept in memory while, and only while, this process listens to the
 * changes of `users`: a trigger notifies every change of role, employer or active flag, and
 * every delete, at commit; the entry is dropped when the notice arrives (the process that made
 * the change drops it itself at once). The cache is used once a test notice sent through the
 * pool has reached the listener. While the listener connects or after it was lost, every
 * request reads the row, as without a cache; when it is back, what was held is dropped. An entry
 * is read again after a minute at the latest. The listener starts with the first lookup, so
 * processes that authenticate nobody (worker, CLI) never open it.
 */
@Injectable()
export class AuthUsers implements OnApplicationShutdown {
  private readonly logger = new Logger('AuthUsers');
  private readonly cache = new NotifiedCache<AuthUser>({ maxEntries: MAX_ENTRIES, ttlMs: TTL_MS });
  private listener: Client | null = null;
  private reconnectMs = RECONNECT_MS.first;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** True while change notices arrive (the cache answers). */
  get listening(): boolean {
    return this.cache.isTrusted;
  }

  find(id: string): Promise<AuthUser | undefined> {
    if (!this.listener && !this.reconnectTimer) this.listen();
    return this.cache.get(id, (userId) => this.read(userId));
  }

  /** Called after a change to a user has committed in this process: the next request reads it. */
  forget(id: string): void {
    this.cache.forget(id);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = null;
    this.cache.distrust();
    await listener?.end().catch(() => undefined);
  }

  private async read(id: string): Promise<AuthUser | undefined> {
    // only the columns needed, a prepared statement
    const [user] = await directQuery<AuthUser>(
      this.dataSource,
      `SELECT id, role, employer_id AS "employerId", active FROM users WHERE id = $1`,
      [id],
      'auth-user',
    );
    return user;
  }

  private listen(): void {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: USER_CHANGES_APPLICATION,
      // a connection that died without a word is found out, not trusted for ever
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    this.listener = client;
    const probe = `${PROBE_PREFIX}${randomUUID()}`;
    client.on('notification', (notice) => {
      if (notice.channel !== USER_CHANGES_CHANNEL) return;
      const payload = notice.payload ?? '';
      if (payload.startsWith(PROBE_PREFIX)) {
        // this listener's own test notice (another process's means nothing here)
        if (payload === probe && this.listener === client) {
          this.cache.trust();
          this.reconnectMs = RECONNECT_MS.first;
        }
      } else if (payload) this.cache.forget(payload);
      else this.cache.clear();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client
      .connect()
      .then(() => client.query(`LISTEN ${USER_CHANGES_CHANNEL}`))
      // trusted once a notice sent where users change (the pool) has arrived here: not, say,
      // through a pooler that accepts LISTEN but does not deliver
      .then(() => this.dataSource.query(`SELECT pg_notify($1, $2)`, [USER_CHANGES_CHANNEL, probe]))
      .catch((error: Error) => this.lost(client, error));
    setTimeout(() => {
      if (this.listener === client && !this.cache.isTrusted)
        this.logger.warn(
          `No notice on channel ${USER_CHANGES_CHANNEL} reached the listener within ${PROBE_WARNING_MS} ms (a connection pooler in between?); reading users from the database on every request`,
        );
    }, PROBE_WARNING_MS).unref();
  }

  private lost(client: Client, error?: Error): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.cache.distrust();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(
      `Listener for user changes lost (${error?.message ?? 'connection ended'}); reading users from the database until it is back, retrying in ${this.reconnectMs} ms`,
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen();
    }, this.reconnectMs);
    this.reconnectTimer.unref();
    this.reconnectMs = Math.min(this.reconnectMs * 2, RECONNECT_MS.max);
  }
}
