import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Set by us, stable per outgoing_emails row: a resend after a crash carries the same id. */
  messageId: string;
}

export interface MailAccepted {
  /** The SMTP server's final answer, e.g. "250 2.0.0 Ok: queued as 4ABC". */
  response: string;
}

/** An SMTP error as nodemailer reports it (responseCode only when the server answered). */
export interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * The SMTP connection (pooled) to `SMTP_URL`, from `MAIL_FROM`. Resolves only when the server
 * accepted the message for the recipient; a refusal or a network error rejects.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transporter = createTransport({
      url: config.mail.smtpUrl,
      pool: true,
      maxConnections: 4,
      // fail a hung server within seconds, well inside the send lease
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
  }

  async send(message: MailMessage): Promise<MailAccepted> {
    const info = (await this.transporter.sendMail({
      from: this.config.mail.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
    })) as { accepted?: unknown[]; rejected?: unknown[]; response?: string };
    if ((info.accepted ?? []).length === 0 || (info.rejected ?? []).length > 0) {
      const error: SmtpError = new Error(
        `The SMTP server did not accept the recipient: ${info.response ?? 'no answer'}`,
      );
      error.response = info.response;
      throw error;
    }
    return { response: info.response ?? '' };
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
