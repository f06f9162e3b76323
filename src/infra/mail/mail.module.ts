import { Module } from '@nestjs/common';
import { EmailSender } from './email-sender.service';
import { MailTransport } from './mail-transport.service';

/** Outgoing e-mail: rows in `outgoing_emails`, delivered over SMTP by the worker. */
@Module({ providers: [MailTransport, EmailSender], exports: [EmailSender] })
export class MailModule {}
