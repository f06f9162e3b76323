import Handlebars from 'handlebars';
import {
  ANSWER_KIND_LABELS,
  ANSWER_KINDS,
  type AnswerKind,
  type EmployerCandidateView,
  type EmployerShortlistView,
} from '../employer-shortlist-view';
import { dutchDate, dutchDateTime, validUntil } from './dutch-format';
import { SHORTLIST_PAGE_CSS } from './page-styles';
import { FRAME_TEMPLATE, MESSAGE_TEMPLATE, PAGE_TEMPLATE } from './page-templates';

/** The fields of the answer form, as posted (`application/x-www-form-urlencoded`). */
export const ANSWER_FORM_FIELDS = ['kind', 'interviewAt', 'reason', 'text'] as const;
export type AnswerFormField = (typeof ANSWER_FORM_FIELDS)[number];

export interface ShortlistPageNotice {
  kind: 'success' | 'error';
  text: string;
}

export interface ShortlistPageOptions {
  /** Path the page's links and forms start from, e.g. `/werkgever/lijsten/<token>` */
  actionBase: string;
  /** Shown above the candidates: success after an answer, or a general error */
  notice?: ShortlistPageNotice | null;
  /**
   * Errors per answer form. Key `<entryId>` for the form as a whole, or `<entryId>.<field>`
   * (field: kind, interviewAt, reason, text) to show the message next to that field. A form
   * with an error is shown open, with an error summary at the top of the page linking to it.
   */
  errors?: Record<string, string>;
  /** The values the employer posted, per entryId, to fill the form again after an error */
  values?: Record<string, Partial<Record<AnswerFormField, string>>>;
}

const hbs = Handlebars.create();
hbs.registerPartial('frame', FRAME_TEMPLATE);
const compileOptions = { strict: true, noEscape: false } as const;
const pageTemplate = hbs.compile(PAGE_TEMPLATE, compileOptions);
const messageTemplate = hbs.compile(MESSAGE_TEMPLATE, compileOptions);

interface FrameModel {
  pageTitle: string;
  css: string;
  footerNote: string | null;
}

/**
 * The employer's page of a shortlist: a complete Dutch HTML document without scripts. Every text
 * comes from the view and is escaped; the forms post to
 * `${actionBase}/kandidaten/${entryId}/antwoord`. Needs the CSP in `SHORTLIST_PAGE_CSP`.
 */
export function renderShortlistPage(
  view: EmployerShortlistView,
  options: ShortlistPageOptions,
): string {
  const errors = options.errors ?? {};
  const closed = view.status === 'closed';
  const candidates = view.candidates.map((c, i) =>
    candidateModel(view, c, i, options.actionBase, errors, options.values?.[c.entryId], closed),
  );
  const errorSummary = candidates.flatMap((c) => c.errorLinks);
  const model = {
    ...frame(
      view.title,
      `Deze pagina is persoonlijk: stuur de link niet door. De link is ${validUntil(view.expiresOn)}.`,
    ),
    title: view.title,
    employerName: view.employerName,
    sentOn: view.sentOn ? dutchDate(view.sentOn) : null,
    validUntil: validUntil(view.expiresOn),
    notice: options.notice
      ? { ...options.notice, role: options.notice.kind === 'error' ? 'alert' : 'status' }
      : null,
    errorSummary,
    vacancy: view.vacancy,
    introduction: view.introduction,
    accountManager: view.accountManager,
    pdfHref: `${options.actionBase}/pdf`,
    closed,
    candidates,
  };
  return pageTemplate(model);
}

/** The same page frame with only a title and a message ("Deze link is verlopen"), no data. */
export function renderShortlistMessage(title: string, message: string): string {
  return messageTemplate({ ...frame(title, null), title, message });
}

function frame(pageTitle: string, footerNote: string | null): FrameModel {
  return { pageTitle, css: SHORTLIST_PAGE_CSS, footerNote };
}

function candidateModel(
  view: EmployerShortlistView,
  c: EmployerCandidateView,
  index: number,
  actionBase: string,
  errors: Record<string, string>,
  values: Partial<Record<AnswerFormField, string>> | undefined,
  closed: boolean,
) {
  // Element ids from the position, never from data: entry ids are opaque to the page.
  const id = `kandidaat-${index + 1}`;
  const fieldError = (field: AnswerFormField | null) =>
    errors[field ? `${c.entryId}.${field}` : c.entryId] ?? null;
  const form = closed
    ? null
    : {
        action: `${actionBase}/kandidaten/${encodeURIComponent(c.entryId)}/antwoord`,
        open:
          Boolean(values) ||
          ANSWER_FORM_FIELDS.some((f) => fieldError(f)) ||
          Boolean(fieldError(null)),
        error: fieldError(null),
        kindError: fieldError('kind'),
        interviewAtError: fieldError('interviewAt'),
        reasonError: fieldError('reason'),
        textError: fieldError('text'),
        kinds: ANSWER_KINDS.map((kind: AnswerKind) => ({
          value: kind,
          label: ANSWER_KIND_LABELS[kind],
          inputId: `${id}-kind-${kind}`,
          checked: values?.kind === kind,
        })),
        interviewAt: values?.interviewAt ?? '',
        reasons: view.notSuitableReasons.map((r) => ({
          code: r.code,
          label: r.label,
          selected: values?.reason === r.code,
        })),
        text: values?.text ?? '',
      };
  const errorLinks = form
    ? [
        ...(form.error ? [{ target: `${id}-vraag`, text: form.error }] : []),
        ...(form.kindError
          ? [{ target: `${id}-kind-${ANSWER_KINDS[0]}`, text: form.kindError }]
          : []),
        ...(form.interviewAtError
          ? [{ target: `${id}-interviewAt`, text: form.interviewAtError }]
          : []),
        ...(form.reasonError ? [{ target: `${id}-reason`, text: form.reasonError }] : []),
        ...(form.textError ? [{ target: `${id}-text`, text: form.textError }] : []),
      ].map((e) => ({ ...e, candidate: c.label }))
    : [];
  return {
    id,
    label: c.label,
    revealedName: c.revealedName,
    pitch: c.pitch,
    matchLabel: c.matchLabel,
    hours: c.hours,
    availability: c.availability,
    commute: c.commute,
    educationLevel: c.educationLevel,
    drivingLicences: c.drivingLicences.length ? c.drivingLicences.join(', ') : null,
    experience: c.experience.map((e) => ({
      occupation: e.occupation,
      detail: [e.sector, e.band, e.recent ? 'in de afgelopen vijf jaar' : null]
        .filter((part) => part)
        .join(', '),
    })),
    skills: c.skills,
    languages: c.languages,
    certificates: c.certificates,
    arrangements: c.arrangements,
    answer: c.answer
      ? {
          label: c.answer.label,
          at: dutchDateTime(c.answer.at),
          interviewAt: c.answer.interviewAt ? dutchDateTime(c.answer.interviewAt) : null,
          reason: c.answer.reason,
          text: c.answer.text,
        }
      : null,
    form,
    errorLinks,
  };
}
