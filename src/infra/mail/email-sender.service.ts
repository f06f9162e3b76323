import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobName, JobRequest } from '../queue/jobs';
import { MailTransport, SmtpError } from './mail-transport.service';

/**
 * A send in progress blocks a second sender this long. A send is given up after SEND_TIMEOUT_MS
 * (well inside the lease); a worker that died mid-send leaves the lease to run out, then the
 * row is sent again (with the same Message-ID).
 */
const LEASE_SECONDS = 20;
const SEND_TIMEOUT_MS = 15_000;
/** Fresh queued e-mails sent along by one job. */
const SEND_ALONG = 25;
/** E-mail ids this process sent, so their own jobs skip the database (bounded). */
const REMEMBER = 200_000;

export interface NewEmail {
  to: string;
  subject: string;
  text: string;
  /** The follow-up firing that wrote it: a second write for the same firing adds nothing. */
  followUpId?: string;
  followUpVersion?: number;
}

export const sendEmailJobId = (emailId: string): string => `email-${emailId}`;

export const sendEmailJob = (emailId: string): JobRequest<JobName.SendEmail> => ({
  name: JobName.SendEmail,
  data: { emailId },
  jobId: sendEmailJobId(emailId),
});

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  message_id: string;
  attempts: number;
}

/**
 * Outgoing e-mail. `queue` writes an `outgoing_emails` row inside the caller's transaction; the
 * `send-email` job (`send`) delivers it over SMTP. The row is the truth: `sent` only when the
 * server accepted it (its answer kept), each refusal recorded and retried with backoff, and
 * `failed` (visible) after the last attempt. Logs carry row ids, never addresses or text.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger('EmailSender');
  private readonly maxAttempts: number;
  private readonly sentHere = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly transport: MailTransport,
  ) {
    this.maxAttempts = config.mail.maxAttempts;
  }

  /** Writes the row (status queued); returns its id, or null when this firing already wrote one. */
  async queue(manager: EntityManager, email: NewEmail): Promise<string | null> {
    const [id] = await this.queueMany(manager, [email]);
    return id ?? null;
  }

  /** Writes many rows in one statement; returns the ids of those written (not already there). */
  async queueMany(manager: EntityManager, emails: NewEmail[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO outgoing_emails (follow_up_id, follow_up_version, to_address, subject, text, message_id)
       SELECT v.*, '<' || gen_random_uuid() || '@werkspoor45>'
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[]) AS v
       ON CONFLICT (follow_up_id, follow_up_version) DO NOTHING
       RETURNING id`,
      [
        emails.map((e) => e.followUpId ?? null),
        emails.map((e) => e.followUpVersion ?? null),
        emails.map((e) => e.to),
        emails.map((e) => e.subject),
        emails.map((e) => e.text),
      ],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The send-email job: safe to run twice (a sent or failed row is left alone). Other fresh
   * queued e-mails (never tried, not leased) are claimed and sent along, at most 25: under load
   * one job delivers many, and their own jobs find them sent.
   */
  async send(emailId: string): Promise<void> {
    if (this.sentHere.has(emailId)) return;
    const { rows: claimed, ownBusy } = await this.claim(emailId);
    const results = await Promise.all(claimed.map((email) => this.deliver(email)));
    const sent = results.filter((r) => r.response !== null);
    if (sent.length > 0) {
      await this.dataSource.query(
        `UPDATE outgoing_emails e
         SET status = 'sent', sent_at = now(), smtp_response = v.response, lease_until = NULL,
             updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(id, response)
         WHERE e.id = v.id`,
        [sent.map((r) => r.id), sent.map((r) => r.response)],
      );
      for (const r of sent) this.remember(r.id);
    }
    let ownError: Error | null = null;
    for (const r of results) {
      if (r.response !== null) continue;
      const error = await this.recordFailure(r.email, r.error);
      if (r.email.id === emailId) ownError = error;
    }
    // a refused e-mail of this job is retried by this job (with backoff); one sent along is
    // retried by its own job, which finds it unleased again
    if (ownError) throw ownError;
    // another sender holds it: try again later (that one may crash or be refused); the job's
    // backoff spaces the tries out, and a try after it was sent does nothing
    if (ownBusy) throw new Error(`E-mail ${emailId} is being sent by another worker`);
  }

  private async deliver(
    email: Claimed,
  ): Promise<{ id: string; email: Claimed; response: string | null; error?: unknown }> {
    try {
      const accepted = await withTimeout(
        this.transport.send({
          to: email.to_address,
          subject: email.subject,
          text: email.text,
          messageId: email.message_id,
        }),
        SEND_TIMEOUT_MS,
      );
      return { id: email.id, email, response: accepted.response.slice(0, 1000) };
    } catch (error) {
      return { id: email.id, email, response: null, error };
    }
  }

  /** Records a refusal; the row is `failed` after the last attempt. Returns the error to raise. */
  private async recordFailure(email: Claimed, error: unknown): Promise<Error | null> {
    const smtp = error as SmtpError;
    const description = (smtp.response ?? `${smtp.code ?? 'error'}: ${smtp.message}`).slice(
      0,
      1000,
    );
    const final = email.attempts >= this.maxAttempts;
    await this.dataSource.query(
      `UPDATE outgoing_emails
       SET last_error = $2, lease_until = NULL, updated_at = now(),
           status = CASE WHEN $3 THEN 'failed' ELSE status END
       WHERE id = $1`,
      [email.id, description, final],
    );
    // the code only: a server's text may quote the address
    const code = smtp.responseCode ?? smtp.code ?? 'error';
    if (final) {
      this.logger.error(`E-mail ${email.id} failed after ${email.attempts} attempts (${code})`);
      return null;
    }
    return new Error(`E-mail ${email.id} not accepted (attempt ${email.attempts}, ${code})`);
  }

  /**
   * Takes the job's row (and fresh others) for one attempt: counts it and sets the lease. The
   * conditions are checked again on the locked rows: two claims at once, one wins each row.
   */
  private async claim(emailId: string): Promise<{ rows: Claimed[]; ownBusy: boolean }> {
    // (TypeORM answers an UPDATE with [rows, count])
    const [rows] = await this.dataSource.query<[Claimed[], number]>(
      `UPDATE outgoing_emails
       SET attempts = attempts + 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
       WHERE (id = $1 OR id IN (
           SELECT id FROM outgoing_emails
           WHERE status = 'queued' AND attempts = 0 AND lease_until IS NULL AND id <> $1
           ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED))
         AND status = 'queued' AND (lease_until IS NULL OR lease_until <= now())
       RETURNING id, to_address, subject, text, message_id, attempts`,
      [emailId, LEASE_SECONDS, SEND_ALONG],
    );
    if (rows.some((row) => row.id === emailId)) return { rows, ownBusy: false };
    const [state] = await this.dataSource.query<{ status: string; leased: boolean }[]>(
      `SELECT status, lease_until > now() AS leased FROM outgoing_emails WHERE id = $1`,
      [emailId],
    );
    return { rows, ownBusy: state?.status === 'queued' && state.leased };
  }

  private remember(emailId: string): void {
    this.sentHere.add(emailId);
    if (this.sentHere.size > REMEMBER) {
      const oldest = this.sentHere.values().next();
      if (!oldest.done) this.sentHere.delete(oldest.value);
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
