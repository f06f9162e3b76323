import type { Response } from 'express';
import { SHORTLIST_PAGE_CSP } from './employer-page';

/**
 * Headers of every employer page and PDF: nothing cached or indexed, the link never leaks in a
 * Referer, no framing, only the page's own hashed stylesheet.
 */
function privateHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
}

export function sendHtml(res: Response, status: number, html: string): void {
  privateHeaders(res);
  res.setHeader('Content-Security-Policy', SHORTLIST_PAGE_CSP);
  res.status(status).type('text/html; charset=utf-8').send(html);
}

export function sendPdf(res: Response, pdf: Buffer): void {
  privateHeaders(res);
  res.setHeader('Content-Disposition', 'inline; filename="shortlist.pdf"');
  res.status(200).type('application/pdf').send(pdf);
}
